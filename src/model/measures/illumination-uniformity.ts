/**
 * Illumination uniformity (ISO/IEC 29794-5 §7.3.7, OFIQ IlluminationUniformity.cpp): the intersection
 * of the luma histograms of the face's two halves (left and right of the nose tip, between the eyes and
 * the mouth), 0–1 (1 = both sides lit alike); score 100 · raw^0.3. OFIQ compares two small squares below
 * the eyes with 256 bins; on the fixed-scale patch those hold too few pixels, so the halves are larger
 * and the histogram has 32 bins.
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import type { FacePatch } from './face-patch';
import { lumaHistogram } from './luma-histogram';
import { clampScore } from './ofiq-mapping';

export function illuminationUniformity(patch: FacePatch, right: Uint8Array, left: Uint8Array): MeasureValue | undefined {
  const a = lumaHistogram(patch, right, 32);
  const b = lumaHistogram(patch, left, 32);
  if (!a || !b) return undefined;
  const raw = a.reduce((sum, p, i) => sum + Math.min(p, b[i]), 0);
  return { raw, score: clampScore(100 * raw ** 0.3) };
}
