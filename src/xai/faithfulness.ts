import type { RgbaImage } from '../image';
import type { ExplainableModel } from './model';
import { gaussianSmooth } from './segment/gaussian-smooth';
import type { ExplainCallOptions, ScalarMap } from './types';

/** What "removed" means for a pixel: the image every removed pixel is taken from. */
export interface Perturbation {
  name: string;
  removedImage(image: RgbaImage): RgbaImage;
}

/**
 * Removed = the image's mean colour. The default here, because a blurred substrate (RISE's insertion
 * start) is itself evidence for this classifier's `blur` class, and black is far off the data.
 */
export const MEAN_COLOR_PERTURBATION: Perturbation = {
  name: 'mean-color',
  removedImage(image) {
    const mean = [0, 0, 0];
    const n = image.width * image.height;
    for (let i = 0; i < n; i++) for (let ch = 0; ch < 3; ch++) mean[ch] += image.data[i * 4 + ch] / n;
    const data = new Uint8ClampedArray(image.data.length);
    for (let i = 0; i < n; i++) data.set([Math.round(mean[0]), Math.round(mean[1]), Math.round(mean[2]), 255], i * 4);
    return { width: image.width, height: image.height, data };
  },
};

/** Removed = Gaussian-blurred (RISE's insertion substrate; RISE used sigma 5). */
export function blurPerturbation(sigma = 5): Perturbation {
  return {
    name: `blur-${sigma}`,
    removedImage(image) {
      const n = image.width * image.height;
      const rgb = new Float64Array(n * 3);
      for (let i = 0; i < n; i++) for (let ch = 0; ch < 3; ch++) rgb[i * 3 + ch] = image.data[i * 4 + ch];
      const blurred = gaussianSmooth(rgb, image.width, image.height, 3, sigma);
      const data = new Uint8ClampedArray(image.data.length);
      for (let i = 0; i < n; i++) data.set([blurred[i * 3], blurred[i * 3 + 1], blurred[i * 3 + 2], 255], i * 4);
      return { width: image.width, height: image.height, data };
    },
  };
}

export interface FaithfulnessCurve {
  /** Area under the curve of the target probability over the fraction of pixels changed (trapezoid). */
  auc: number;
  /** Target probability after each step, from 0 pixels changed to all. */
  probabilities: number[];
}

export interface FaithfulnessMetric {
  readonly name: string;
  score(model: ExplainableModel, image: RgbaImage, saliency: ScalarMap, target: number, options?: ExplainCallOptions): Promise<FaithfulnessCurve>;
}

export interface FaithfulnessOptions {
  perturbation: Perturbation;
  /** The image is changed in this many equal steps (RISE: 224, i.e. 1/224 of the pixels per step). */
  steps: number;
}

export const DEFAULT_FAITHFULNESS_OPTIONS: FaithfulnessOptions = { perturbation: MEAN_COLOR_PERTURBATION, steps: 224 };

/** Deletion (RISE, Petsiuk et al. 2018): remove the most salient pixels first; lower AUC = more faithful. */
export function createDeletionMetric(options: Partial<FaithfulnessOptions> = {}): FaithfulnessMetric {
  const o = { ...DEFAULT_FAITHFULNESS_OPTIONS, ...options };
  return {
    name: `deletion(${o.perturbation.name})`,
    score: (model, image, saliency, target, call) => scoreCurve(model, image, o.perturbation.removedImage(image), image, saliency, target, o.steps, call),
  };
}

/** Insertion (RISE): reveal the most salient pixels first on the removed image; higher AUC = more faithful. */
export function createInsertionMetric(options: Partial<FaithfulnessOptions> = {}): FaithfulnessMetric {
  const o = { ...DEFAULT_FAITHFULNESS_OPTIONS, ...options };
  return {
    name: `insertion(${o.perturbation.name})`,
    score: (model, image, saliency, target, call) => scoreCurve(model, o.perturbation.removedImage(image), image, image, saliency, target, o.steps, call),
  };
}

/** Pixel indices by decreasing saliency; equal values keep row-major order. */
export function rankPixels(saliency: ScalarMap): Uint32Array {
  const order = Uint32Array.from(saliency.values, (_, i) => i);
  return order.sort((a, b) => saliency.values[b] - saliency.values[a] || a - b);
}

/** Trapezoid area over [0, 1] of equally spaced samples (RISE's auc). */
export function trapezoidAuc(values: readonly number[]): number {
  if (values.length < 2) throw new Error('trapezoidAuc: need at least two points');
  let sum = 0;
  for (let i = 0; i < values.length - 1; i++) sum += (values[i] + values[i + 1]) / 2;
  return sum / (values.length - 1);
}

/** Walks from `start` to `finish`, moving pixels over in saliency order, and records the target probability. */
async function scoreCurve(
  model: ExplainableModel,
  start: RgbaImage,
  finish: RgbaImage,
  image: RgbaImage,
  saliency: ScalarMap,
  target: number,
  steps: number,
  { signal, onProgress }: ExplainCallOptions = {},
): Promise<FaithfulnessCurve> {
  if (saliency.width !== image.width || saliency.height !== image.height) throw new Error('faithfulness: saliency and image sizes differ');
  const order = rankPixels(saliency);
  const n = order.length;
  const current = start.data.slice();
  const probabilities: number[] = [];
  let moved = 0;
  for (let step = 0; step <= steps; ) {
    signal?.throwIfAborted();
    onProgress?.({ stage: 'predict', fraction: step / (steps + 1) });
    const batch: RgbaImage[] = [];
    for (; step <= steps && batch.length < model.batchSize; step++) {
      const upTo = Math.round((step * n) / steps);
      for (; moved < upTo; moved++) {
        const j = order[moved] * 4;
        current[j] = finish.data[j];
        current[j + 1] = finish.data[j + 1];
        current[j + 2] = finish.data[j + 2];
        current[j + 3] = finish.data[j + 3];
      }
      batch.push({ width: image.width, height: image.height, data: current.slice() });
    }
    const p = await model.predict(batch);
    for (let i = 0; i < batch.length; i++) probabilities.push(p[i * model.numClasses + target]);
  }
  onProgress?.({ stage: 'predict', fraction: 1 });
  return { auc: trapezoidAuc(probabilities), probabilities };
}
