/**
 * Background uniformity (ISO/IEC 29794-5 §7.3.8, OFIQ BackgroundUniformity.cpp): the mean Sobel
 * gradient magnitude of the luma around the head (outside the face oval grown by 30 %, above the chin),
 * on the fixed-scale patch; score as OFIQ, 190 · (1 − σ((x − 10)/100)). OFIQ removes hair and clothes
 * with a face-parsing network; there is none here, so hair next to the face counts as background.
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import type { FacePatch } from './face-patch';
import { sigmoidScore } from './ofiq-mapping';

export function backgroundUniformity(patch: FacePatch, background: Uint8Array): MeasureValue | undefined {
  const { luma, size, inside } = patch;
  let sum = 0;
  let n = 0;
  const at = (u: number, v: number) => luma[v * size + u];
  for (let v = 1; v < size - 1; v++) {
    for (let u = 1; u < size - 1; u++) {
      const i = v * size + u;
      if (!background[i] || !inside[i - size - 1] || !inside[i + size + 1] || !inside[i - size + 1] || !inside[i + size - 1]) continue;
      const gx = at(u + 1, v - 1) + 2 * at(u + 1, v) + at(u + 1, v + 1) - at(u - 1, v - 1) - 2 * at(u - 1, v) - at(u - 1, v + 1);
      const gy = at(u - 1, v + 1) + 2 * at(u, v + 1) + at(u + 1, v + 1) - at(u - 1, v - 1) - 2 * at(u, v - 1) - at(u + 1, v - 1);
      sum += Math.hypot(gx, gy);
      n++;
    }
  }
  if (n === 0) return undefined;
  const raw = sum / n;
  return { raw, score: sigmoidScore(raw, { h: 190, a: 1, s: -1, x0: 10, w: 100 }) };
}
