import { describe, expect, it } from 'vitest';
import { backendLabel, backendOrder } from '../../../src/engine/backend';
import { parseRememberedWebglProbe, rememberableWebglProbe } from '../../../src/engine/backend-choice';
import { wasmThreadCount, workerScriptUrl } from '../../../src/engine/backend-wasm-threads';

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

describe('the WebGL probe remembered for the browser session', () => {
  const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)';
  it('keeps only results that put WASM first: no WebGL, or a software rasteriser', () => {
    expect(rememberableWebglProbe(null)).toBe(true);
    expect(rememberableWebglProbe(SWIFTSHADER)).toBe(true);
    expect(rememberableWebglProbe('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)')).toBe(false);
    expect(rememberableWebglProbe(undefined)).toBe(false);
    expect(rememberableWebglProbe(42)).toBe(false);
    expect(rememberableWebglProbe(`${SWIFTSHADER}${'x'.repeat(300)}`)).toBe(false);
  });
  it('reads the URL parameter back, and gives the same backend order as probing again', () => {
    const remembered = parseRememberedWebglProbe(JSON.stringify(SWIFTSHADER));
    expect(remembered).toEqual({ renderer: SWIFTSHADER });
    expect(backendOrder('auto', remembered!.renderer)).toEqual(backendOrder('auto', SWIFTSHADER));
    expect(parseRememberedWebglProbe('null')).toEqual({ renderer: null });
  });
  it('probes again when the parameter is absent, not JSON, or not a result that may be remembered', () => {
    for (const param of [null, '', 'SwiftShader', '{"renderer":"SwiftShader"}', '"ANGLE (NVIDIA GeForce)"', '1', JSON.stringify('SwiftShader'.repeat(100))]) {
      expect(parseRememberedWebglProbe(param)).toBeUndefined();
    }
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
  it('uses one thread per two logical cores, 1 to 4', () => {
    expect(wasmThreadCount(2)).toBe(1);
    expect(wasmThreadCount(3)).toBe(1);
    expect(wasmThreadCount(4)).toBe(2);
    expect(wasmThreadCount(8)).toBe(4);
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
