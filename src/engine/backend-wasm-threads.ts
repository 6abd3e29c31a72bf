/**
 * Threaded WASM inside the extension. tfjs uses its threaded build when the page may share memory
 * (cross-origin isolated, which the manifest's COEP/COOP keys make every extension page), and starts
 * its pthread workers from blob: URLs, which the extension's CSP refuses. So, in the engine's
 * document only, a Worker asked for from a blob: URL is started from the worker file the build ships
 * instead (wxt.config.ts; it loads tfjs's module factory from beside itself). Without isolation tfjs
 * picks the single-threaded SIMD build and no worker is made.
 */
import { WASM_THREAD_FILES } from './backend-wasm-files';

/**
 * Threads for XNNPACK: one per two logical cores, 1 to 4, so half the machine stays with the page and its
 * video call. tfjs-backend-wasm caps its pool there too (hardwareConcurrency / 2, read as its module starts).
 * Two threads on two busy cores made every model several times slower (the pool's threads wait on each other
 * at every operation; docs/live-pipeline.md), so a 2-core machine runs the single-threaded SIMD build.
 */
export function wasmThreadCount(hardwareConcurrency: number | undefined): number {
  return Math.max(1, Math.min(4, Math.floor((hardwareConcurrency ?? 1) / 2)));
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
