/** Histogram of the patch's luma over a mask, normalised to sum 1 (OFIQ GetNormalizedHistogram). */
import type { FacePatch } from './face-patch';

export function lumaHistogram(patch: FacePatch, mask: Uint8Array, bins = 256): Float64Array | null {
  const histogram = new Float64Array(bins);
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    histogram[Math.min(bins - 1, Math.floor((patch.luma[i] * bins) / 256))]++;
    n++;
  }
  if (n === 0) return null;
  for (let k = 0; k < bins; k++) histogram[k] /= n;
  return histogram;
}
