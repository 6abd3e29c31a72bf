import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../src/random';
import { limeModeSetup, FAST_LIME_OPTIONS, DEFAULT_LIME_OPTIONS } from '../../../src/xai/lime';
import { exponentialKernel } from '../../../src/xai/lime/kernel-weights';
import { referenceProjection } from '../../../src/xai/lime/reference-projection';
import { fitWeightedLogistic, logisticProbability } from '../../../src/xai/lime/weighted-logistic';
import { cosineDistanceToFirst } from '../../../src/xai/lime/cosine-distance';
import { scaledPriorMean, superpixelMass } from '../../../scripts/lib/xai/saliency-prior';
import { type PerturbationSamples, samplePerturbations } from '../../../src/xai/lime/sample-perturbations';
import { fitWeightedRidge, weightedR2 } from '../../../src/xai/lime/weighted-ridge';
import { gridSegmentation } from './toy-models';

const row = (on: Uint8Array, p: number, s: number) => Array.from(on.subarray(s * p, (s + 1) * p));

describe('weighted logistic regression', () => {
  it('recovers the coefficients of a noiseless logistic response, and weights count like repeated rows', () => {
    const p = 4;
    const truth = [2, -1.5, 0.5, 0];
    const samples = samplePerturbations(200, p, createSeededRandom(8));
    const y = Array.from({ length: 200 }, (_, s) => 1 / (1 + Math.exp(-(0.3 + truth.reduce((z, c, f) => z + c * samples.on[s * p + f], 0)))));
    const fit = fitWeightedLogistic(samples.on, 200, p, y, new Float64Array(200).fill(1), 1e-9);
    expect(fit.intercept).toBeCloseTo(0.3, 4);
    truth.forEach((c, f) => expect(fit.coefficients[f]).toBeCloseTo(c, 4));
    expect(logisticProbability(fit, samples.on, 3 * p)).toBeCloseTo(y[3], 6);
    // a weight of 2 on row 0 = row 0 twice
    const weighted = fitWeightedLogistic(samples.on, 10, p, y, Float64Array.from({ length: 10 }, (_, s) => (s === 0 ? 2 : 1)), 0.1);
    const doubled = new Uint8Array(11 * p);
    doubled.set(samples.on.subarray(0, p));
    doubled.set(samples.on.subarray(0, 10 * p), p);
    const repeated = fitWeightedLogistic(doubled, 11, p, [y[0], ...y.slice(0, 10)], new Float64Array(11).fill(1), 0.1);
    expect(weighted.intercept).toBeCloseTo(repeated.intercept, 8);
    weighted.coefficients.forEach((c, f) => expect(c).toBeCloseTo(repeated.coefficients[f], 8));
  });

  it('stays finite when every target is saturated', () => {
    const samples = samplePerturbations(30, 3, createSeededRandom(9));
    const fit = fitWeightedLogistic(samples.on, 30, 3, new Array(30).fill(1), new Float64Array(30).fill(1), 0.01);
    expect(Number.isFinite(fit.intercept)).toBe(true);
    expect(logisticProbability(fit, samples.on, 0)).toBeGreaterThan(0.99);
  });
});

describe('numeric edge cases of the fast fit', () => {
  it("a logistic fit to no samples is the penalty's minimum: all zero, probability ½", () => {
    const fit = fitWeightedLogistic(new Uint8Array(0), 0, 3, [], [], 0.01);
    expect(fit.intercept).toBe(0);
    expect(Array.from(fit.coefficients)).toEqual([0, 0, 0]);
    expect(logisticProbability(fit, [1, 1, 1], 0)).toBe(0.5);
  });

  it('a logistic probability saturates to 0 or 1 instead of NaN for a huge logit', () => {
    const fit = { intercept: 0, coefficients: Float64Array.from([1e6]) };
    expect(logisticProbability(fit, [1], 0)).toBe(1);
    expect(logisticProbability({ ...fit, coefficients: Float64Array.from([-1e6]) }, [1], 0)).toBe(0);
  });

  it('weighted R² follows sklearn for a constant target and refuses weights that add up to nothing', () => {
    const x = Uint8Array.from([1, 0, 1, 1]); // 4 samples × 1 feature
    const constant = [0.5, 0.5, 0.5, 0.5];
    const ones = [1, 1, 1, 1];
    expect(weightedR2(x, 4, 1, constant, ones, [0], 0.5)).toBe(1);
    expect(weightedR2(x, 4, 1, constant, ones, [0.1], 0.5)).toBe(0);
    expect(() => weightedR2(x, 4, 1, constant, [0, 0, 0, 0], [0], 0.5)).toThrow(/positive sum/);
    expect(() => weightedR2(new Uint8Array(0), 0, 1, [], [], [0], 0)).toThrow(/positive sum/);
  });
});

describe('fast LIME: the reference surrogate through a logistic model', () => {
  const p = 12;
  const n = FAST_LIME_OPTIONS.numSamples;
  // a saturating response, as a confident classifier's probability is: two strong superpixels, several weak
  const logit = [3, 2.5, 1, 0.8, 0.6, 0.4, 0.2, 0, 0, -0.3, 0, 0.1];
  const response = (on: Uint8Array, s: number) => 1 / (1 + Math.exp(-(-3.5 + logit.reduce((z, c, f) => z + c * on[s * p + f], 0))));
  const kernel = (samples: PerturbationSamples) => exponentialKernel(cosineDistanceToFirst(samples), DEFAULT_LIME_OPTIONS.kernelWidth);
  const referenceFit = (n: number, seed: number) => {
    const samples = samplePerturbations(n, p, createSeededRandom(seed));
    const y = Float64Array.from({ length: n }, (_, s) => response(samples.on, s));
    return { samples, y, weights: kernel(samples) };
  };
  // what the 1000-sample reference estimates: its fit's expectation, here by averaging many reference runs
  const target = new Array<number>(p).fill(0);
  const runs = 40;
  for (let r = 0; r < runs; r++) {
    const { samples, y, weights } = referenceFit(1000, 100 + r);
    fitWeightedRidge(samples.on, 1000, p, y, weights, 1).coefficients.forEach((c, f) => (target[f] += c / runs));
  }
  const fit = referenceProjection({ referenceSamples: 1000, kernelWidth: DEFAULT_LIME_OPTIONS.kernelWidth, draws: 20000, drawSeed: 7, logisticPenalty: 1e-6 });
  const error = (c: number[]) => Math.hypot(...c.map((v, f) => v - target[f]));

  it('is exact when the logistic model is: the reference\'s expected surrogate', () => {
    const { samples, y, weights } = referenceFit(n, 5);
    const estimate = fit(samples.on, n, p, y, weights, 1).coefficients;
    expect(error(estimate)).toBeLessThan(0.01);
  });

  it('with the fast mode\'s samples, lands nearer the reference\'s expected surrogate than a reference of that size, and no farther than a 1000-sample one', () => {
    let fast = 0;
    let small = 0;
    let full = 0;
    for (let seed = 0; seed < 10; seed++) {
      const { samples, y, weights } = referenceFit(n, 200 + seed);
      fast += error(fit(samples.on, n, p, y, weights, 1).coefficients);
      small += error(fitWeightedRidge(samples.on, n, p, y, weights, 1).coefficients);
      const reference = referenceFit(1000, 300 + seed);
      full += error(fitWeightedRidge(reference.samples.on, 1000, p, reference.y, reference.weights, 1).coefficients);
    }
    expect(fast).toBeLessThan(small / 2);
    expect(fast).toBeLessThanOrEqual(full);
  });

  it('corrects what a wrong logistic model misses (an interaction): nearer than the logistic model alone', () => {
    const interacting = (on: Uint8Array, s: number) => 0.3 + 0.2 * on[s * p] + 0.1 * on[s * p + 1] + 0.3 * on[s * p] * on[s * p + 2];
    const draw = (n: number, seed: number) => {
      const samples = samplePerturbations(n, p, createSeededRandom(seed));
      return { samples, y: Float64Array.from({ length: n }, (_, s) => interacting(samples.on, s)), weights: kernel(samples) };
    };
    const big = draw(20000, 77);
    const expected = fitWeightedRidge(big.samples.on, 20000, p, big.y, Float64Array.from(big.weights, (w, s) => (s === 0 ? w : (w * 999) / 19999)), 1).coefficients;
    const free = draw(20000, 7).samples;
    const freeWeights = Float64Array.from(kernel(free), (w, s) => (s === 0 ? w : (w * 999) / 19999));
    const distance = (c: number[]) => Math.hypot(...c.map((v, f) => v - expected[f]));
    let corrected = 0;
    let logisticOnly = 0;
    for (let seed = 0; seed < 8; seed++) {
      const { samples, y, weights } = draw(n, 400 + seed);
      corrected += distance(fit(samples.on, n, p, y, weights, 1).coefficients);
      const model = fitWeightedLogistic(samples.on, n, p, y, weights, 1e-6);
      const predicted = Float64Array.from({ length: 20000 }, (_, s) => logisticProbability(model, free.on, s * p));
      logisticOnly += distance(fitWeightedRidge(free.on, 20000, p, predicted, freeWeights, 1).coefficients);
    }
    expect(corrected).toBeLessThan(logisticOnly);
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
    const samples = samplePerturbations(16, 3, createSeededRandom(5));
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
  it('reference = the paper (random draws, the given samples); fast = an eighth or fewer, its own seed, the reference-projection fit', () => {
    expect(limeModeSetup('reference')).toEqual({ options: { numSamples: DEFAULT_LIME_OPTIONS.numSamples }, stages: {} });
    expect(limeModeSetup('reference', 2000).options.numSamples).toBe(2000);
    const fast = limeModeSetup('fast');
    expect(fast.options.numSamples! * 8).toBeLessThanOrEqual(DEFAULT_LIME_OPTIONS.numSamples);
    expect(fast.options.numSamples).toBe(FAST_LIME_OPTIONS.numSamples);
    expect(fast.options.seed).not.toBe(DEFAULT_LIME_OPTIONS.seed); // independent of the reference it is compared with
    expect(fast.stages.samplePerturbations).toBeUndefined(); // the reference's own draws
    expect(fast.stages.fitSurrogate).toBeTypeOf('function');
    expect(limeModeSetup('fast', 24).options.numSamples).toBe(24);
  });
});
