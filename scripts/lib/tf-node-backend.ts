/**
 * Selects the TF.js backend for Node scripts (tfjs-node cannot be installed here): `wasm` loads its
 * binaries from node_modules, never from a CDN; `cpu` is the pure-JS fallback.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type NodeBackend = 'wasm' | 'cpu';

export async function useNodeBackend(name: NodeBackend): Promise<void> {
  if (name === 'wasm') {
    const require = createRequire(import.meta.url);
    setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
  }
  if (!(await tf.setBackend(name))) throw new Error(`TF.js backend "${name}" failed to initialise`);
  await tf.ready();
}
