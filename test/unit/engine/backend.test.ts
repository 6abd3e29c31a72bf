import { describe, expect, it } from 'vitest';
import { backendLabel, backendOrder } from '../../../src/engine/backend';
import { logicalCoresFor, reportingLogicalCores, wasmThreadCount, workerScriptUrl } from '../../../src/engine/backend-wasm-threads';

describe('backendOrder', () => {
  it('prefers WebGL on a hardware GPU', () => {
    expect(backendOrder('auto', 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)')).toEqual(['webgl', 'wasm', 'cpu']);
  });
  it('prefers WASM when WebGL is a software rasteriser', () => {
    expect(backendOrder('auto', 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)')).toEqual(['wasm', 'webgl', 'cpu']);
    expect(backendOrder('auto', 'llvmpipe (LLVM 15.0.6, 256 bits)')).toEqual(['wasm', 'webgl', 'cpu']);
  });
  it('skips WebGL when there is none', () => {
    expect(backendOrder('auto', null)).toEqual(['wasm', 'cpu']);
    expect(backendOrder('webgl', null)).toEqual(['webgl', 'wasm', 'cpu']);
  });
  it('puts an explicit choice first and keeps the others as fallbacks', () => {
    expect(backendOrder('cpu', 'Mesa Intel(R) UHD Graphics 620')).toEqual(['cpu', 'webgl', 'wasm']);
  });
});

describe('backendLabel', () => {
  it('names WASM with SIMD and its thread count', () => {
    expect(backendLabel({ name: 'wasm', simd: true, threads: 2 })).toBe('wasm · SIMD · 2 threads');
    expect(backendLabel({ name: 'wasm', simd: false, threads: 1 })).toBe('wasm · 1 thread');
  });
  it('names other backends alone', () => {
    expect(backendLabel({ name: 'webgl', simd: false, threads: 1 })).toBe('webgl');
  });
});

describe('threaded WASM in the extension', () => {
  it('uses one thread per core, 1 to 4', () => {
    expect(wasmThreadCount(2)).toBe(2);
    expect(wasmThreadCount(16)).toBe(4);
    expect(wasmThreadCount(undefined)).toBe(1);
    expect(wasmThreadCount(0)).toBe(1);
  });
  it('starts blob: workers (tfjs\'s pthreads) from the shipped file, any other worker as asked', () => {
    const shipped = 'chrome-extension://id/wasm/tfjs-backend-wasm-threaded-simd.worker.js';
    expect(workerScriptUrl('blob:chrome-extension://id/1234', shipped)).toBe(shipped);
    expect(workerScriptUrl('chrome-extension://id/other.js', shipped)).toBe('chrome-extension://id/other.js');
  });
});

describe('lifting tfjs-backend-wasm\'s halved thread cap', () => {
  class FakeNavigator {
    get hardwareConcurrency() {
      return 2;
    }
  }
  it('asks for twice the threads wanted (tfjs halves the logical cores it sees)', () => {
    expect(logicalCoresFor(2)).toBe(4);
    expect(logicalCoresFor(1)).toBe(2);
  });
  it('reports the given cores while the module starts, and the real ones after', async () => {
    const navigator = new FakeNavigator();
    const seen = await reportingLogicalCores(navigator, 4, async () => navigator.hardwareConcurrency);
    expect(seen).toBe(4);
    expect(navigator.hardwareConcurrency).toBe(2);
    expect(Object.getOwnPropertyDescriptor(navigator, 'hardwareConcurrency')).toBeUndefined();
  });
  it('gives the real value back when the start fails', async () => {
    const navigator = new FakeNavigator();
    await expect(reportingLogicalCores(navigator, 8, async () => Promise.reject(new Error('no wasm')))).rejects.toThrow('no wasm');
    expect(navigator.hardwareConcurrency).toBe(2);
  });
});
