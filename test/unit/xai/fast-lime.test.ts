import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../src/random';
import { limeModeSetup, FAST_LIME_OPTIONS, DEFAULT_LIME_OPTIONS } from '../../../src/xai/lime';
import { balancedPerturbations } from '../../../src/xai/lime/balanced-perturbations';
import { cosineDistanceToFirst } from '../../../src/xai/lime/cosine-distance';
import { scaledPriorMean, superpixelMass } from '../../../src/xai/lime/saliency-prior';
import { samplePerturbations } from '../../../src/xai/lime/sample-perturbations';
import { fitWeightedRidge } from '../../../src/xai/lime/weighted-ridge';
import { gridSegmentation } from './toy-models';

const row = (on: Uint8Array, p: number, s: number) => Array.from(on.subarray(s * p, (s + 1) * p));

describe('balanced perturbations (complementary pairs)', () => {
  it('row 0 all on, row 1 all off, then pairs x, 1 − x, each showing half the superpixels; seeded', () => {
    for (const p of [6, 7]) {
      const { on, numSamples } = balancedPerturbations(12, p, createSeededRandom(3));
      expect(row(on, p, 0)).toEqual(new Array(p).fill(1));
      expect(row(on, p, 1)).toEqual(new Array(p).fill(0));
      for (let s = 2; s < numSamples; s += 2) {
        const x = row(on, p, s);
        expect(row(on, p, s + 1)).toEqual(x.map((v) => 1 - v));
        expect(x.reduce((a, b) => a + b, 0)).toBe(Math.floor(p / 2));
      }
      expect(balancedPerturbations(12, p, createSeededRandom(3)).on).toEqual(on);
      // more samples extend the design without changing its first rows (the evaluations refit prefixes)
      expect(balancedPerturbations(16, p, createSeededRandom(3)).on.subarray(0, 12 * p)).toEqual(on);
      expect(balancedPerturbations(12, p, createSeededRandom(4)).on).not.toEqual(on);
    }
  });

  it('shows every superpixel in exactly half the samples, with equal kernel distances for an even count', () => {
    const p = 10;
    const samples = balancedPerturbations(40, p, createSeededRandom(1));
    for (let f = 0; f < p; f++) {
      let shown = 0;
      for (let s = 0; s < 40; s++) shown += samples.on[s * p + f];
      expect(shown).toBe(20);
    }
    const d = cosineDistanceToFirst(samples);
    expect(new Set(Array.from(d.subarray(2)).map((v) => v.toFixed(12))).size).toBe(1);
  });

  it('cancels a pairwise interaction that random sampling of the same size turns into error', () => {
    // y = main effects + a strong interaction of superpixels 0 and 1; the design should recover the main effects
    const p = 8;
    const main = [0.5, 0.1, 0.3, 0, 0, 0.2, 0, 0];
    const response = (x: number[]) => main.reduce((sum, m, f) => sum + m * x[f], 0) + 2 * (x[0] - 0.5) * (x[1] - 0.5);
    const error = (samples: { on: Uint8Array; numSamples: number }) => {
      const y = Array.from({ length: samples.numSamples }, (_, s) => response(row(samples.on, p, s)));
      const fit = fitWeightedRidge(samples.on, samples.numSamples, p, y, new Float64Array(samples.numSamples).fill(1), 1e-9);
      return Math.max(...fit.coefficients.map((c, f) => Math.abs(c - main[f])));
    };
    expect(error(balancedPerturbations(32, p, createSeededRandom(2)))).toBeLessThan(1e-6);
    expect(error(samplePerturbations(32, p, createSeededRandom(2)))).toBeGreaterThan(0.05);
  });
});

describe('Grad-CAM prior', () => {
  it('superpixel mass sums the map over each superpixel', () => {
    const grid = gridSegmentation(4, 4, 2); // four 2×2 cells
    const map = { width: 4, height: 4, values: Float32Array.from({ length: 16 }, (_, i) => (i % 4 < 2 ? 1 : 0.25)) };
    expect(Array.from(superpixelMass(map, grid))).toEqual([4, 1, 4, 1]);
    expect(() => superpixelMass({ width: 2, height: 2, values: new Float32Array(4) }, grid)).toThrow(/sizes differ/);
  });

  it('scales the masses to the data by least squares, never below zero', () => {
    const samples = balancedPerturbations(16, 3, createSeededRandom(5));
    const mass = [2, 1, 0];
    const x = (s: number) => row(samples.on, 3, s);
    const w = new Float64Array(16).fill(1);
    const agreeing = Array.from({ length: 16 }, (_, s) => 0.1 + 0.05 * (2 * x(s)[0] + x(s)[1]));
    expect(Array.from(scaledPriorMean(samples.on, 16, 3, agreeing, w, mass)).map((v) => +v.toFixed(9))).toEqual([0.1, 0.05, 0]);
    const opposed = agreeing.map((v) => 1 - v);
    expect(Array.from(scaledPriorMean(samples.on, 16, 3, opposed, w, mass))).toEqual([0, 0, 0]);
  });

  it('ridge with a prior mean shrinks towards it: all the way as the weight grows, not at all as it vanishes', () => {
    const samples = samplePerturbations(40, 4, createSeededRandom(6));
    const truth = [0.3, -0.2, 0.1, 0];
    const y = Array.from({ length: 40 }, (_, s) => truth.reduce((sum, c, f) => sum + c * samples.on[s * 4 + f], 0.2));
    const w = new Float64Array(40).fill(1);
    const prior = [1, 1, 1, 1];
    fitWeightedRidge(samples.on, 40, 4, y, w, 1e8, prior).coefficients.forEach((c) => expect(c).toBeCloseTo(1, 4));
    fitWeightedRidge(samples.on, 40, 4, y, w, 1e-9, prior).coefficients.forEach((c, f) => expect(c).toBeCloseTo(truth[f], 6));
    // without a prior mean the same weight pulls towards zero
    fitWeightedRidge(samples.on, 40, 4, y, w, 1e8).coefficients.forEach((c) => expect(Math.abs(c)).toBeLessThan(1e-6));
  });
});

describe('LIME modes', () => {
  it('reference = the paper (random draws, the given samples); fast = a tenth or fewer, balanced, no prior', () => {
    expect(limeModeSetup('reference')).toEqual({ options: { numSamples: DEFAULT_LIME_OPTIONS.numSamples }, stages: {} });
    expect(limeModeSetup('reference', 2000).options.numSamples).toBe(2000);
    const fast = limeModeSetup('fast');
    expect(fast.options.numSamples! * 10).toBeLessThanOrEqual(DEFAULT_LIME_OPTIONS.numSamples);
    expect(fast.options.priorWeight).toBeUndefined();
    expect(fast.options.numSamples).toBe(FAST_LIME_OPTIONS.numSamples);
    expect(fast.stages.samplePerturbations).toBe(balancedPerturbations);
    expect(limeModeSetup('fast', 24).options.numSamples).toBe(24);
  });
});
