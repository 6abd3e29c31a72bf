/**
 * Sharpness of the face: the no-reference blur metric of Crété-Roffet et al. ("The blur effect:
 * perception and estimation with a new no-reference perceptual blur metric", SPIE 6492, 2007), on the
 * face patch (fixed scale, so a face far away is judged at the same scale as a near one). The image is
 * re-blurred with a 9-tap average; where the neighbour differences barely drop, the face was already
 * blurred. Raw = 1 − blur (0 = fully blurred, higher = sharper); a ratio of differences, so it does not
 * depend on brightness or contrast. OFIQ's sharpness (ISO/IEC 29794-5 §7.3.2) is a random forest on
 * Laplacian / mean-difference / Sobel features; this keeps its idea (local detail against a smoothed
 * copy) in one formula with no trained part. The score's logistic is fitted on validation.
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import type { FacePatch } from './face-patch';
import { sigmoidScore } from './ofiq-mapping';

const REBLUR_TAPS = 9;
/**
 * Score 50 at raw 0.42, the sharpness below which the fused verdict calls an unsure face blurred
 * (fusion.json sharpnessMin 0.4173, fitted on validation: 2.9 % of clean faces fall below it);
 * w 0.04 puts score 20 at 0.36 and 80 at 0.47.
 */
export const SHARPNESS_MAPPING = { h: 100, x0: 0.42, w: 0.04 };

function boxBlur(luma: Float32Array, size: number, vertical: boolean): Float32Array {
  const out = new Float32Array(luma.length);
  const half = (REBLUR_TAPS - 1) / 2;
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      let sum = 0;
      for (let k = -half; k <= half; k++) {
        const uu = vertical ? u : Math.min(size - 1, Math.max(0, u + k));
        const vv = vertical ? Math.min(size - 1, Math.max(0, v + k)) : v;
        sum += luma[vv * size + uu];
      }
      out[v * size + u] = sum / REBLUR_TAPS;
    }
  }
  return out;
}

export function sharpness(patch: FacePatch, region: Uint8Array): MeasureValue | undefined {
  const { luma, size, inside } = patch;
  const blurredV = boxBlur(luma, size, true);
  const blurredH = boxBlur(luma, size, false);
  let sumFv = 0;
  let sumVv = 0;
  let sumFh = 0;
  let sumVh = 0;
  for (let v = 1; v < size; v++) {
    for (let u = 1; u < size; u++) {
      const i = v * size + u;
      if (!region[i] || !inside[i - size] || !inside[i - 1]) continue;
      const fv = Math.abs(luma[i] - luma[i - size]);
      const fh = Math.abs(luma[i] - luma[i - 1]);
      sumFv += fv;
      sumFh += fh;
      sumVv += Math.max(0, fv - Math.abs(blurredV[i] - blurredV[i - size]));
      sumVh += Math.max(0, fh - Math.abs(blurredH[i] - blurredH[i - 1]));
    }
  }
  if (sumFv === 0 || sumFh === 0) return { raw: 0, score: 0 };
  const blur = Math.max((sumFv - sumVv) / sumFv, (sumFh - sumVh) / sumFh);
  const raw = 1 - blur;
  return { raw, score: sigmoidScore(raw, SHARPNESS_MAPPING) };
}
