/**
 * Starts the TF.js backend the engine runs on. "auto" measures nothing at start-up (that would
 * cost seconds of shader compilation) but reads what kind of WebGL this is: on a software
 * rasteriser (SwiftShader, llvmpipe) WebGL is slower than WASM, both to start and per frame
 * (docs/live-pipeline.md has the figures), so WASM goes first there. CPU is the last resort.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { isSoftwareRenderer, type BackendChoice, type BackendName } from './backend-choice';
import { startBlobWorkersFromExtensionFile, wasmThreadCount } from './backend-wasm-threads';
import { errorText } from '../error-text';

export { BACKEND_CHOICES, type BackendChoice, type BackendName } from './backend-choice';

/** Order in which backends are tried; `webglRenderer` is null when WebGL is unavailable. */
export function backendOrder(choice: BackendChoice, webglRenderer: string | null): BackendName[] {
  const order: BackendName[] =
    choice !== 'auto'
      ? [choice]
      : webglRenderer === null
        ? ['wasm']
        : isSoftwareRenderer(webglRenderer)
          ? ['wasm', 'webgl']
          : ['webgl', 'wasm'];
  for (const fallback of ['webgl', 'wasm', 'cpu'] as const) if (!order.includes(fallback) && (fallback !== 'webgl' || webglRenderer !== null)) order.push(fallback);
  return order;
}

/**
 * The WebGL renderer string (unmasked where the browser allows), or null without WebGL. The probe's
 * context is released at once: TF.js makes its own if it runs on WebGL, and otherwise a context kept
 * for the engine's lifetime would hold GPU-process memory (on a software rasteriser, CPU memory) for nothing.
 */
export function webglRenderer(): string | null {
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2') ?? new OffscreenCanvas(1, 1).getContext('webgl');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}

/** The backend that started, and how it runs: WASM's SIMD and thread count (1 when the context cannot share memory). */
export interface StartedBackend {
  name: BackendName;
  simd: boolean;
  threads: number;
}

/** How the overlay names the backend, e.g. "wasm · SIMD · 2 threads". */
export function backendLabel({ name, simd, threads }: StartedBackend): string {
  if (name !== 'wasm') return name;
  return [name, ...(simd ? ['SIMD'] : []), threads === 1 ? '1 thread' : `${threads} threads`].join(' · ');
}

/**
 * `assetUrl` resolves a path inside the extension (the WASM binaries and the pthread worker ship there).
 * `wasmThreads` 1 runs the single-threaded SIMD build, as before issue 15 (no worker pool at all).
 */
export async function startBackend(
  order: readonly BackendName[],
  assetUrl: (path: string) => string,
  wasmThreads = wasmThreadCount(globalThis.navigator?.hardwareConcurrency),
): Promise<StartedBackend> {
  const failures: string[] = [];
  for (const name of order) {
    try {
      // Explicit paths: the WASM binaries ship inside the extension; tfjs must never reach for a CDN.
      if (name === 'wasm') {
        setWasmPaths(assetUrl('wasm/'));
        if (wasmThreads === 1) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
        else {
          setThreadsCount(wasmThreads);
          startBlobWorkersFromExtensionFile(assetUrl);
        }
      }
      if (await tf.setBackend(name)) {
        await tf.ready();
        if (name !== 'wasm') return { name, simd: false, threads: 1 };
        return { name, simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') as boolean, threads: getThreadsCount() };
      }
      failures.push(`${name}: did not initialise`);
    } catch (error) {
      failures.push(`${name}: ${errorText(error)}`);
    }
  }
  throw new Error(`No TensorFlow.js backend could start (${failures.join('; ')})`);
}
