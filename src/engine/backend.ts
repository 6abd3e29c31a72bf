/**
 * Starts the first TensorFlow.js backend that works here, in order of preference. WebGL is the
 * fast path on real GPUs; WASM is the fallback (and can beat WebGL where WebGL is software-only);
 * CPU always works. The chosen name is shown in the overlay.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export const DEFAULT_BACKEND_PREFERENCE: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export async function startBackend(preference: readonly BackendName[], wasmDirUrl: string): Promise<BackendName> {
  const failures: string[] = [];
  for (const name of preference) {
    try {
      // Explicit paths: the WASM binaries ship inside the extension; tfjs must never reach for a CDN.
      if (name === 'wasm') setWasmPaths(wasmDirUrl);
      if (await tf.setBackend(name)) {
        await tf.ready();
        return name;
      }
      failures.push(`${name}: did not initialise`);
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`No TensorFlow.js backend could start (${failures.join('; ')})`);
}
