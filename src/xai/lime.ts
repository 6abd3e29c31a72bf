import type { RgbaImage } from '../image';
import type { LimeMode } from './explain-method';
import { cosineDistanceToFirst } from './lime/cosine-distance';
import { exponentialKernel } from './lime/kernel-weights';
import { perturbImage } from './lime/perturb-image';
import { type PerturbationSamples, samplePerturbations } from './lime/sample-perturbations';
import { constantFill, segmentMeanFill } from './lime/segment-mean-fill';
import { referenceProjection } from './lime/reference-projection';
import { fitWeightedRidge, type RidgeFit } from './lime/weighted-ridge';
import type { ExplainableModel } from './model';
import { createSeededRandom, type SeededRandom } from '../random';
import { quickshift } from './segment/quickshift';
import type { ExplainCallOptions, Segmentation } from './types';
import { yieldToEventLoop } from './yield-to-event-loop';

export interface LimeOptions {
  /** Perturbed samples, the first being the unperturbed image. */
  numSamples: number;
  kernelWidth: number;
  /** Ridge penalty of the surrogate. */
  alpha: number;
  /** How many positive superpixels the explanation shows. */
  numTopSegments: number;
  /** Seeds the on/off draws. */
  seed: number;
  /** Colour of switched-off superpixels; undefined = each superpixel's mean colour (lime's default). */
  hideColor?: readonly [number, number, number];
  /** Images per predict call; default the model's fastest batch size. */
  batchSize?: number;
}

/** lime_image.explain_instance's defaults as the paper used them. */
export const DEFAULT_LIME_OPTIONS: LimeOptions = {
  numSamples: 1000,
  kernelWidth: 0.25,
  alpha: 1,
  numTopSegments: 5,
  seed: 0,
};

/**
 * The fast mode (chosen on the first held-out images, measured on the others: docs/xai-faithfulness.md):
 * 112 forwards, drawn as the reference draws them (original image first, then uniform random on/off;
 * another seed than the reference's), and fitted with referenceProjection: a logistic model of the
 * samples projected onto the reference's kernel-weighted ridge line, plus the line of what it missed. So
 * the fast mode estimates what the reference estimates, with less variance. 112, not 124 (the most
 * forwards still 8× fewer than 1000): both modes also segment the image (about 6 forwards' time), which
 * put 124 samples at 0.13 of the reference's time, over issue 14's 0.125.
 */
export const FAST_LIME_OPTIONS = { numSamples: 112, seed: 2 } as const satisfies Partial<LimeOptions>;
/** The fast mode's fit for a reference of `referenceSamples` samples. */
function fastLimeStages(referenceSamples = DEFAULT_LIME_OPTIONS.numSamples): Partial<LimeStages> {
  return {
    fitSurrogate: referenceProjection({ referenceSamples, kernelWidth: DEFAULT_LIME_OPTIONS.kernelWidth, draws: 20000, drawSeed: 7, logisticPenalty: 0.01 }),
  };
}

/**
 * The options and stages of a LIME mode; `maxSamples` is the reference's sample count (the user's
 * LIME-samples setting; the paper's 1000 by default), which the fast mode estimates and caps its own at.
 */
export function limeModeSetup(mode: LimeMode, maxSamples = DEFAULT_LIME_OPTIONS.numSamples): { options: Partial<LimeOptions>; stages: Partial<LimeStages> } {
  if (mode === 'reference') return { options: { numSamples: maxSamples }, stages: {} };
  return { options: { ...FAST_LIME_OPTIONS, numSamples: Math.min(FAST_LIME_OPTIONS.numSamples, maxSamples) }, stages: fastLimeStages(maxSamples) };
}

/** The replaceable steps of LIME, in order (lime's segmentation_fn, data_labels, distance, kernel_fn, model_regressor). */
export interface LimeStages {
  segment: (image: RgbaImage) => Segmentation;
  samplePerturbations: (numSamples: number, numFeatures: number, random: SeededRandom) => PerturbationSamples;
  distances: (samples: PerturbationSamples) => Float64Array;
  kernel: (distances: Float64Array, kernelWidth: number) => Float64Array;
  fitSurrogate: (x: Uint8Array, numSamples: number, numFeatures: number, y: Float64Array, weights: Float64Array, alpha: number) => RidgeFit;
}

export const DEFAULT_LIME_STAGES: LimeStages = {
  segment: (image) => quickshift(image),
  samplePerturbations,
  distances: cosineDistanceToFirst,
  kernel: exponentialKernel,
  fitSurrogate: fitWeightedRidge,
};

export interface LimeCallOptions extends ExplainCallOptions {
  /** Class to explain; default the class predicted for the unperturbed image. */
  target?: number;
  /** Superpixels computed beforehand (skips the segment stage). */
  segmentation?: Segmentation;
}

export interface LimeResult {
  target: number;
  /** The model's probabilities for the unperturbed image (sample 0). */
  probabilities: number[];
  segmentation: Segmentation;
  /** Surrogate weight of each superpixel for the target class probability. */
  coefficients: number[];
  intercept: number;
  /** The surrogate's prediction for the unperturbed image. */
  localPrediction: number;
  /** Weighted R² of the surrogate on the samples. */
  r2: number;
  /** Up to numTopSegments superpixels with positive weight, strongest first. */
  topSegments: number[];
  numSamples: number;
}

export interface LimeExplainer {
  explain(image: RgbaImage, options?: LimeCallOptions): Promise<LimeResult>;
}

/** LIME for images (Ribeiro et al. 2016) as lime_image does it, with every step injectable. */
export function createLime(model: ExplainableModel, options: Partial<LimeOptions> = {}, stages: Partial<LimeStages> = {}): LimeExplainer {
  const o: LimeOptions = { ...DEFAULT_LIME_OPTIONS, ...options };
  const s: LimeStages = { ...DEFAULT_LIME_STAGES, ...stages };
  return {
    async explain(image, call = {}) {
      const { signal, onProgress } = call;
      if (image.width !== model.inputWidth || image.height !== model.inputHeight) {
        throw new Error(`LIME: image is ${image.width}×${image.height}, the model takes ${model.inputWidth}×${model.inputHeight}`);
      }
      signal?.throwIfAborted();
      onProgress?.({ stage: 'segment', fraction: 0 });
      const segmentation = call.segmentation ?? s.segment(image);
      onProgress?.({ stage: 'segment', fraction: 1 });
      signal?.throwIfAborted();

      const samples = s.samplePerturbations(o.numSamples, segmentation.count, createSeededRandom(o.seed));
      const fill = o.hideColor ? constantFill(image, o.hideColor) : segmentMeanFill(image, segmentation);
      const probabilities = await predictSamples(model, image, fill, segmentation, samples, o.batchSize ?? model.batchSize, call);

      onProgress?.({ stage: 'fit', fraction: 0 });
      const k = model.numClasses;
      const original = Array.from(probabilities.subarray(0, k));
      const target = call.target ?? original.indexOf(Math.max(...original));
      const y = new Float64Array(samples.numSamples);
      for (let i = 0; i < y.length; i++) y[i] = probabilities[i * k + target];
      const weights = s.kernel(s.distances(samples), o.kernelWidth);
      const { on, numSamples, numFeatures } = samples;
      const fit = s.fitSurrogate(on, numSamples, numFeatures, y, weights, o.alpha);
      onProgress?.({ stage: 'fit', fraction: 1 });
      return {
        target,
        probabilities: original,
        segmentation,
        coefficients: fit.coefficients,
        intercept: fit.intercept,
        localPrediction: fit.coefficients.reduce((sum, c, f) => sum + c * samples.on[f], fit.intercept),
        r2: fit.r2,
        topSegments: topPositive(fit.coefficients, o.numTopSegments),
        numSamples: samples.numSamples,
      };
    },
  };
}

/** Predicts every perturbed image in batches; probabilities row-major [numSamples × numClasses]. */
export async function predictSamples(
  model: ExplainableModel,
  image: RgbaImage,
  fill: RgbaImage,
  segmentation: Segmentation,
  samples: PerturbationSamples,
  batchSize: number,
  { signal, onProgress }: ExplainCallOptions,
): Promise<Float32Array> {
  const out = new Float32Array(samples.numSamples * model.numClasses);
  for (let start = 0; start < samples.numSamples; start += batchSize) {
    await yieldToEventLoop();
    signal?.throwIfAborted();
    onProgress?.({ stage: 'predict', fraction: start / samples.numSamples });
    const batch: RgbaImage[] = [];
    for (let i = start; i < Math.min(start + batchSize, samples.numSamples); i++) {
      const data = new Uint8ClampedArray(image.data.length);
      perturbImage(image, fill, segmentation, samples.on, i * samples.numFeatures, data);
      batch.push({ width: image.width, height: image.height, data });
    }
    out.set(await model.predict(batch), start * model.numClasses);
  }
  signal?.throwIfAborted();
  onProgress?.({ stage: 'predict', fraction: 1 });
  return out;
}

/** Indices of the positive coefficients, largest first, at most n (lime's positive_only, num_features). */
export function topPositive(coefficients: readonly number[], n: number): number[] {
  return coefficients
    .map((c, i) => [c, i] as const)
    .filter(([c]) => c > 0)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, n)
    .map(([, i]) => i);
}
