import type { RgbaImage } from '../../image';
import type { FaceLandmarks } from '../face/types';
import type { EyeSide } from './constants';
import { eyePatch, type EyePatchConfig } from './eye-patch';

/**
 * The eye-crop model on the eye-aligned, normalised grayscale patch (eye-patch.ts), trained here by
 * `npm run train:eye-patch` on the train split of the eyes set (public/models/eyes/eye-patch-model.json;
 * docs/eyes-evaluation.md): a logistic regression, or with `hidden` one hidden layer of ReLU units
 * before the logistic output (a small perceptron: it can combine "dark iris" with "bright sclera
 * beside it", which a sum of pixels cannot). Its logit is > 0 for a closed-looking eye: evidence from
 * the eye's appearance (iris and sclera, or a lid), independent of where the mesh put the lids.
 */
export interface EyePatchModel {
  patch: EyePatchConfig;
  /** The hidden layer: units × patch cells weights (row-major, one row per unit) and one bias per unit. */
  hidden?: { weights: number[]; bias: number[] };
  /** The output's weights: one per patch cell (no hidden layer) or one per hidden unit. */
  weights: number[];
  bias: number;
}

/** Checks the shape of a loaded model file (a truncated or mismatched file fails here, not as NaN scores). */
export function validateEyePatchModel(json: unknown): EyePatchModel {
  const m = json as Partial<EyePatchModel> | null;
  const p = m?.patch;
  const positive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
  const finiteArray = (v: unknown, length: number) => Array.isArray(v) && v.length === length && v.every(Number.isFinite);
  if (!m || !p || !positive(p.cols) || !positive(p.rows) || !positive(p.halfWidth) || !positive(p.halfHeight) || !positive(p.supersample)) {
    throw new Error('eye patch model: missing or invalid patch geometry');
  }
  const cells = p.cols * p.rows;
  const units = m.hidden ? m.hidden.bias?.length : undefined;
  if (m.hidden && !(units && units > 0 && finiteArray(m.hidden.bias, units) && finiteArray(m.hidden.weights, units * cells))) {
    throw new Error(`eye patch model: the hidden layer needs units × ${cells} finite weights and one finite bias per unit`);
  }
  const inputs = units ?? cells;
  if (!finiteArray(m.weights, inputs) || !Number.isFinite(m.bias)) {
    throw new Error(`eye patch model: expected ${inputs} finite weights and a bias`);
  }
  return {
    patch: { cols: p.cols, rows: p.rows, halfWidth: p.halfWidth, halfHeight: p.halfHeight, supersample: p.supersample },
    ...(m.hidden ? { hidden: { weights: m.hidden.weights, bias: m.hidden.bias } } : {}),
    weights: m.weights!,
    bias: m.bias as number,
  };
}

/** The model's logit on a patch: > 0 means the eye looks closed. */
export function patchLogit(model: EyePatchModel, patch: Float32Array): number {
  if (!model.hidden) return model.bias + dot(model.weights, patch, 0, patch.length);
  let z = model.bias;
  const { weights, bias } = model.hidden;
  for (let j = 0; j < bias.length; j++) {
    const a = bias[j] + dot(weights, patch, j * patch.length, patch.length);
    if (a > 0) z += model.weights[j] * a;
  }
  return z;
}

function dot(weights: readonly number[], patch: Float32Array, offset: number, length: number): number {
  let sum = 0;
  for (let k = 0; k < length; k++) sum += weights[offset + k] * patch[k];
  return sum;
}

/** The model's logit on one eye of a face. */
export function closedLogit(model: EyePatchModel, image: RgbaImage, face: FaceLandmarks, side: EyeSide): number {
  return patchLogit(model, eyePatch(image, face, side, model.patch));
}
