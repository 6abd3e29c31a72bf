/**
 * tfjs's threaded-WASM scripts as extension files, for the build (wxt.config.ts): tfjs starts its
 * pthread workers from blob: URLs, which the extension's CSP refuses (src/engine/backend-wasm-threads.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { WASM_THREAD_FILES } from '../../src/engine/backend-wasm-files';

/** tfjs's threaded-WASM factory and pthread worker as files; the worker loads the factory from beside itself instead of from the blob tfjs sends it. */
export function wasmThreadFiles(): { relativeDest: string; contents: string }[] {
  const require = createRequire(import.meta.url);
  const factoryPath = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
  const { wasmWorkerContents } = require('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js') as { wasmWorkerContents: string };
  const loadFromBlob =
    'if(typeof e.data.urlOrBlob=="string"){importScripts(e.data.urlOrBlob)}else{var objectUrl=URL.createObjectURL(e.data.urlOrBlob);importScripts(objectUrl);URL.revokeObjectURL(objectUrl)}';
  if (!wasmWorkerContents.includes(loadFromBlob)) throw new Error('tfjs-backend-wasm changed its pthread worker: update scripts/lib/wasm-thread-files.ts');
  const factoryName = WASM_THREAD_FILES.factory.split('/').pop()!;
  return [
    { relativeDest: WASM_THREAD_FILES.factory, contents: readFileSync(factoryPath, 'utf8') },
    {
      relativeDest: WASM_THREAD_FILES.worker,
      // The package keeps a raw newline inside one of the worker's string literals; tfjs escapes it before making its blob, and so must we.
      contents: wasmWorkerContents.replace(/\n/g, '\\n').replace(loadFromBlob, `importScripts(${JSON.stringify(factoryName)});`),
    },
  ];
}
