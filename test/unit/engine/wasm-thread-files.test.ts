import { describe, expect, it } from 'vitest';
import { WASM_THREAD_FILES } from '../../../src/engine/backend-wasm-files';
import { wasmThreadFiles } from '../../../scripts/lib/wasm-thread-files';

describe('the threaded-WASM files the build ships', () => {
  const files = wasmThreadFiles();
  const worker = files.find((f) => f.relativeDest === WASM_THREAD_FILES.worker)!;

  it('are both valid scripts (a pthread worker that does not parse leaves the engine loading for ever)', () => {
    expect(files.map((f) => f.relativeDest).sort()).toEqual([WASM_THREAD_FILES.factory, WASM_THREAD_FILES.worker].sort());
    for (const file of files) expect(() => new Function(file.contents), file.relativeDest).not.toThrow();
  });

  it('make the worker load the module factory from beside itself, never from a blob: URL', () => {
    expect(worker.contents).toContain('importScripts("tfjs-backend-wasm-threaded-simd.js");WasmBackendModuleThreadedSimd(Module)');
    expect(worker.contents).not.toContain('createObjectURL');
  });
});
