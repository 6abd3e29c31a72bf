import { describe, expect, it } from 'vitest';
import { backendOrder } from '../../../src/engine/backend';

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
