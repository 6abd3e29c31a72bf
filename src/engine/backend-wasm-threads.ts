/**
 * Threaded WASM inside the extension. tfjs uses its threaded build when the page may share memory
 * (cross-origin isolated, which the manifest's COEP/COOP keys make every extension page), and starts
 * its pthread workers from blob: URLs, which the extension's CSP refuses. So, in the engine's
 * document only, a Worker asked for from a blob: URL is started from the worker file the build ships
 * instead (wxt.config.ts; it loads tfjs's module factory from beside itself). Without isolation tfjs
 * picks the single-threaded SIMD build and no worker is made.
 *
 * tfjs-backend-wasm 4.x also caps XNNPACK's pool at navigator.hardwareConcurrency / 2 (it assumes two
 * hyper-threads per core), read once as its module starts: setThreadsCount cannot go above that, so a
 * 2-core machine always ran 1 thread. `reportingLogicalCores` lifts the cap for that start only.
 */
import { WASM_THREAD_FILES } from './backend-wasm-files';

/** Threads for XNNPACK: one per core, at most 4 (beyond that the small face models gain little and the video call loses cores). */
export function wasmThreadCount(hardwareConcurrency: number | undefined): number {
  return Math.max(1, Math.min(4, Math.floor(hardwareConcurrency ?? 1)));
}

/** The script a Worker is started from: a blob: URL (tfjs's pthread worker) becomes the shipped worker file. */
export function workerScriptUrl(requested: string | URL, shippedWorkerUrl: string): string | URL {
  return String(requested).startsWith('blob:') ? shippedWorkerUrl : requested;
}

let redirected = false;

/** Makes blob: workers in this document start from the shipped pthread worker file (`assetUrl` resolves extension paths). */
export function startBlobWorkersFromExtensionFile(assetUrl: (path: string) => string): void {
  if (redirected) return;
  redirected = true;
  const shipped = assetUrl(WASM_THREAD_FILES.worker);
  const NativeWorker = globalThis.Worker;
  globalThis.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(workerScriptUrl(url, shipped), options);
    }
  };
}

/** Logical cores tfjs must see for XNNPACK to get `threads` threads (it halves what it sees). */
export function logicalCoresFor(threads: number): number {
  return threads * 2;
}

/**
 * Runs `start` (the WASM module's start) while `navigator.hardwareConcurrency` reads `cores`, then gives
 * the document its own value back, also when `start` fails.
 */
export async function reportingLogicalCores<T>(navigator: object, cores: number, start: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(navigator, 'hardwareConcurrency');
  Object.defineProperty(navigator, 'hardwareConcurrency', { configurable: true, get: () => cores });
  try {
    return await start();
  } finally {
    if (own) Object.defineProperty(navigator, 'hardwareConcurrency', own);
    else delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}
