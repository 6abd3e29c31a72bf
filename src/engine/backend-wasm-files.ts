/** Where the build puts tfjs's threaded-WASM scripts (wxt.config.ts writes them; kept apart so the config does not import TF.js). */
export const WASM_THREAD_FILES = {
  /** The Emscripten module factory, loaded by each pthread worker. */
  factory: 'wasm/tfjs-backend-wasm-threaded-simd.js',
  /** The pthread worker. */
  worker: 'wasm/tfjs-backend-wasm-threaded-simd.worker.js',
} as const;
