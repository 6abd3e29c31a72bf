/**
 * Natural colour (ISO/IEC 29794-5 §7.3.9, OFIQ NaturalColour.cpp): the mean CIELAB a* and b* of the
 * cheeks; raw = how far (a*, b*) lies outside the natural-skin box a* ∈ [5, 25], b* ∈ [5, 35] (0 inside,
 * 100 when a mean is negative); score 200 · (1 − σ(raw / 10)). A grey image scores raw 0 only when it
 * has colour, as in OFIQ (a grey face has no colour to judge).
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import { srgbToLab } from './cielab';
import type { FacePatch } from './face-patch';
import { sigmoidScore } from './ofiq-mapping';

export function naturalColour(patch: FacePatch, cheeks: Uint8Array): MeasureValue | undefined {
  let a = 0;
  let b = 0;
  let n = 0;
  let coloured = false;
  for (let i = 0; i < cheeks.length; i++) {
    if (!cheeks[i]) continue;
    const [r, g, bl] = [patch.rgb[3 * i], patch.rgb[3 * i + 1], patch.rgb[3 * i + 2]];
    if (Math.abs(r - g) > 1 || Math.abs(g - bl) > 1) coloured = true;
    const lab = srgbToLab(r, g, bl);
    a += lab[1];
    b += lab[2];
    n++;
  }
  if (n === 0) return undefined;
  a /= n;
  b /= n;
  const outside = (v: number, lo: number, hi: number) => Math.max(0, lo - v, v - hi);
  const raw = !coloured ? 0 : a >= 0 && b >= 0 ? Math.hypot(outside(a, 5, 25), outside(b, 5, 35)) : 100;
  return { raw, score: sigmoidScore(raw, { h: 200, a: 1, s: -1, x0: 0, w: 10 }) };
}
