import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cosineDistanceToFirst } from '../../../src/xai/lime/cosine-distance';
import { exponentialKernel } from '../../../src/xai/lime/kernel-weights';
import { perturbImage } from '../../../src/xai/lime/perturb-image';
import { samplePerturbations } from '../../../src/xai/lime/sample-perturbations';
import { constantFill, segmentMeanFill } from '../../../src/xai/lime/segment-mean-fill';
import { fitWeightedRidge } from '../../../src/xai/lime/weighted-ridge';
import { topPositive } from '../../../src/xai/lime';
import { createSeededRandom } from '../../../src/random';
import { gridSegmentation } from './toy-models';

// numpy from the definitions, no sklearn: fixtures/make_reference.py
const ref = JSON.parse(readFileSync(new URL('./fixtures/lime-reference.json', import.meta.url), 'utf8')) as {
  X: number[][]; y: number[]; kernelWidth: number; alpha: number; distances: number[]; weights: number[];
  coefficients: number[]; intercept: number; r2: number; localPrediction: number;
};

describe('LIME stages against reference values', () => {
  const numFeatures = ref.X[0].length;
  const samples = { numSamples: ref.X.length, numFeatures, on: Uint8Array.from(ref.X.flat()) };

  it('cosine distance to the all-on row (all-off row at 1)', () => {
    const d = cosineDistanceToFirst(samples);
    ref.distances.forEach((v, i) => expect(d[i]).toBeCloseTo(v, 12));
    expect(d[0]).toBe(0);
    expect(d[5]).toBe(1);
  });

  it('kernel sqrt(exp(-d²/w²)) by hand and on the reference', () => {
    expect(exponentialKernel(Float64Array.of(0, 0.25, 0.5), 0.25)).toEqual(Float64Array.of(1, Math.sqrt(Math.exp(-1)), Math.sqrt(Math.exp(-4))));
    const w = exponentialKernel(Float64Array.from(ref.distances), ref.kernelWidth);
    ref.weights.forEach((v, i) => expect(w[i]).toBeCloseTo(v, 12));
  });

  it('weighted ridge matches the closed-form reference (coefficients, intercept, weighted R²)', () => {
    const fit = fitWeightedRidge(samples.on, samples.numSamples, numFeatures, ref.y, ref.weights, ref.alpha);
    fit.coefficients.forEach((c, i) => expect(c).toBeCloseTo(ref.coefficients[i], 10));
    expect(fit.intercept).toBeCloseTo(ref.intercept, 10);
    expect(fit.r2).toBeCloseTo(ref.r2, 10);
    expect(fit.intercept + fit.coefficients.reduce((a, b) => a + b, 0)).toBeCloseTo(ref.localPrediction, 10);
  });

  it('weighted ridge recovers known coefficients from noiseless data', () => {
    const random = createSeededRandom(11);
    const truth = [0.7, -0.3, 0, 0.25, 1.5];
    const n = 200;
    const x = Float64Array.from({ length: n * truth.length }, () => random.next() * 2 - 1);
    const y = Float64Array.from({ length: n }, (_, s) => 0.4 + truth.reduce((acc, c, f) => acc + c * x[s * truth.length + f], 0));
    const w = Float64Array.from({ length: n }, () => 0.1 + random.next());
    const fit = fitWeightedRidge(x, n, truth.length, y, w, 1e-9);
    fit.coefficients.forEach((c, i) => expect(c).toBeCloseTo(truth[i], 6));
    expect(fit.intercept).toBeCloseTo(0.4, 6);
    expect(fit.r2).toBeCloseTo(1, 9);
  });

  it('ridge shrinks towards zero as alpha grows', () => {
    const small = fitWeightedRidge(samples.on, samples.numSamples, numFeatures, ref.y, ref.weights, 0.01);
    const big = fitWeightedRidge(samples.on, samples.numSamples, numFeatures, ref.y, ref.weights, 100);
    const norm = (c: number[]) => Math.hypot(...c);
    expect(norm(big.coefficients)).toBeLessThan(norm(small.coefficients));
  });
});

describe('LIME sampling and image perturbation', () => {
  it('row 0 is all on and the draws are seeded', () => {
    const a = samplePerturbations(50, 7, createSeededRandom(3));
    const b = samplePerturbations(50, 7, createSeededRandom(3));
    const c = samplePerturbations(50, 7, createSeededRandom(4));
    expect(Array.from(a.on.subarray(0, 7))).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(a.on).toEqual(b.on);
    expect(a.on).not.toEqual(c.on);
    const mean = a.on.subarray(7).reduce((s, v) => s + v, 0) / (49 * 7);
    expect(mean).toBeGreaterThan(0.35);
    expect(mean).toBeLessThan(0.65);
  });

  it('segment-mean fill paints each superpixel its mean; perturbImage takes off superpixels from the fill', () => {
    const width = 4;
    const height = 2;
    const seg = gridSegmentation(width, height, 2); // labels 0 | 1
    const data = new Uint8ClampedArray(width * height * 4);
    [10, 20, 200, 210, 30, 40, 220, 230].forEach((v, i) => data.set([v, v, v, 255], i * 4));
    const image = { width, height, data };
    const fill = segmentMeanFill(image, seg);
    expect(Array.from({ length: 8 }, (_, i) => fill.data[i * 4])).toEqual([25, 25, 215, 215, 25, 25, 215, 215]);
    const out = new Uint8ClampedArray(data.length);
    perturbImage(image, fill, seg, Uint8Array.of(0, 1), 0, out);
    expect(Array.from({ length: 8 }, (_, i) => out[i * 4])).toEqual([25, 25, 200, 210, 25, 25, 220, 230]);
    expect(constantFill(image, [1, 2, 3]).data.subarray(0, 4)).toEqual(Uint8ClampedArray.of(1, 2, 3, 255));
  });

  it('top superpixels are the positive ones, strongest first, at most n', () => {
    expect(topPositive([0.1, -2, 0.5, 0, 0.3, 0.2, 0.05, 0.4], 5)).toEqual([2, 7, 4, 5, 0]);
    expect(topPositive([-1, -0.5], 5)).toEqual([]);
  });
});
