import type { RgbaImage } from '../../image';
import type { FaceLandmarks } from '../face/types';
import type { EyeSide } from './constants';
import { eyePatch, type EyePatchConfig } from './eye-patch';

/**
 * The eye-crop model: a logistic regression on the eye-aligned, normalised grayscale patch
 * (eye-patch.ts), trained here by `npm run train:eye-patch` on the train split of the eyes set
 * (public/models/eyes/eye-patch-model.json; docs/eyes-evaluation.md). Its logit is > 0 for a
 * closed-looking eye: evidence from the eye's appearance (iris and sclera, or a lid), independent of
 * where the mesh put the lids.
 */
export interface EyePatchModel {
  patch: EyePatchConfig;
  /** One weight per patch cell, row-major. */
  weights: number[];
  bias: number;
}

/** Checks the shape of a loaded model file (a truncated or mismatched file fails here, not as NaN scores). */
export function validateEyePatchModel(json: unknown): EyePatchModel {
  const m = json as Partial<EyePatchModel> | null;
  const p = m?.patch;
  const positive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
  if (!m || !p || !positive(p.cols) || !positive(p.rows) || !positive(p.halfWidth) || !positive(p.halfHeight) || !positive(p.supersample)) {
    throw new Error('eye patch model: missing or invalid patch geometry');
  }
  if (!Array.isArray(m.weights) || m.weights.length !== p.cols * p.rows || !m.weights.every(Number.isFinite) || !Number.isFinite(m.bias)) {
    throw new Error(`eye patch model: expected ${p.cols * p.rows} finite weights and a bias`);
  }
  return { patch: { cols: p.cols, rows: p.rows, halfWidth: p.halfWidth, halfHeight: p.halfHeight, supersample: p.supersample }, weights: m.weights, bias: m.bias as number };
}

/** The model's logit on a patch: > 0 means the eye looks closed. */
export function patchLogit(model: EyePatchModel, patch: Float32Array): number {
  let z = model.bias;
  for (let k = 0; k < patch.length; k++) z += model.weights[k] * patch[k];
  return z;
}

/** The model's logit on one eye of a face. */
export function closedLogit(model: EyePatchModel, image: RgbaImage, face: FaceLandmarks, side: EyeSide): number {
  return patchLogit(model, eyePatch(image, face, side, model.patch));
}
