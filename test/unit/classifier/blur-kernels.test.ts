import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { discKernel, gaussianKernel, motionKernel } from '../../../scripts/lib/classifier/blur-kernels';
import { applyBlur, convolve } from '../../../scripts/lib/classifier/image-ops';
import { useCpuBackend } from '../xai/setup-tf';

const sum = (a: Float32Array) => a.reduce((x, y) => x + y, 0);
const at = (k: { size: number; weights: Float32Array }, x: number, y: number) => k.weights[y * k.size + x];

describe('blur kernels', () => {
  it('gaussian: normalised, symmetric, peaked at the centre, 3σ half-width', () => {
    const k = gaussianKernel(2);
    expect(k.size).toBe(13);
    expect(sum(k.weights)).toBeCloseTo(1, 5);
    expect(at(k, 6, 6)).toBeGreaterThan(at(k, 7, 6));
    expect(at(k, 4, 6)).toBeCloseTo(at(k, 8, 6), 7);
    expect(at(k, 6, 4)).toBeCloseTo(at(k, 6, 8), 7);
    // ratio of neighbours follows exp(-(x²)/(2σ²))
    expect(at(k, 8, 6) / at(k, 6, 6)).toBeCloseTo(Math.exp(-4 / 8), 4);
  });
  it('disc: flat inside the radius, zero well outside, area ≈ πr²', () => {
    const r = 4;
    const k = discKernel(r);
    expect(sum(k.weights)).toBeCloseTo(1, 5);
    const c = (k.size - 1) / 2;
    expect(at(k, c, c)).toBeCloseTo(at(k, c + 2, c), 7);
    expect(at(k, 0, 0)).toBe(0);
    const full = at(k, c, c);
    expect(1 / full).toBeCloseTo(Math.PI * r * r, 0);
  });
  it('motion: weight only along the segment direction', () => {
    const horizontal = motionKernel(8, 0);
    const c = (horizontal.size - 1) / 2;
    expect(sum(horizontal.weights)).toBeCloseTo(1, 5);
    expect(at(horizontal, c + 3, c)).toBeGreaterThan(0);
    expect(at(horizontal, c, c + 3)).toBe(0);
    const vertical = motionKernel(8, Math.PI / 2);
    expect(at(vertical, c, c + 3)).toBeGreaterThan(0);
    expect(at(vertical, c + 3, c)).toBeCloseTo(0, 6);
  });
});

describe('convolve / applyBlur', () => {
  beforeAll(useCpuBackend);
  it('keeps a flat image flat (mirrored edges) and the image size', () => {
    const img = tf.fill([20, 24, 3], 100) as tf.Tensor3D;
    const out = convolve(img, discKernel(3));
    expect(out.shape).toEqual([20, 24, 3]);
    const v = out.dataSync();
    expect(Math.min(...v)).toBeCloseTo(100, 3);
    expect(Math.max(...v)).toBeCloseTo(100, 3);
    tf.dispose([img, out]);
  });
  it('turns a point into the kernel (point-spread function)', () => {
    const data = new Float32Array(21 * 21 * 3);
    data.fill(0);
    for (let c = 0; c < 3; c++) data[(10 * 21 + 10) * 3 + c] = 1;
    const img = tf.tensor3d(data, [21, 21, 3]);
    const k = motionKernel(6, Math.PI / 4);
    const out = convolve(img, k).dataSync();
    const h = (k.size - 1) / 2;
    // convolution flips the kernel; the motion kernel is point-symmetric, so the PSF equals it
    for (let y = -h; y <= h; y++) for (let x = -h; x <= h; x++) expect(out[((10 + y) * 21 + 10 + x) * 3]).toBeCloseTo(at(k, x + h, y + h), 5);
    img.dispose();
  });
  it('lowres blur removes fine detail but keeps the mean', () => {
    const stripes = tf.tensor3d(Float32Array.from({ length: 64 * 64 * 3 }, (_, i) => (Math.floor(i / 3) % 2 ? 255 : 0)), [64, 64, 3]);
    const out = applyBlur(stripes, { kind: 'lowres', side: 8 });
    const v = Array.from(out.dataSync());
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean).toBeCloseTo(127.5, 0);
    expect(Math.max(...v) - Math.min(...v)).toBeLessThan(60);
    tf.dispose([stripes, out]);
  });
});
