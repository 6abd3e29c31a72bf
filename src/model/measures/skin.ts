/**
 * Skin consistency, the basis of the occlusion measures: the face's own skin colour is read where a
 * mask, scarf or hand rarely is (forehead and the top of the cheeks: FaceRegions.skinReference), and a
 * pixel elsewhere is "not skin" when its CIELAB colour is far from it. Lips are redder than skin, so a
 * redder pixel counts a third; shading moves lightness a lot, so only a large lightness gap counts.
 * OFIQ segments occlusions with a trained network (ISO/IEC 29794-5 §7.4.8–9); this is the model-free
 * stand-in, checked on validation (docs/measures.md).
 */
import { srgbToLab } from './cielab';
import type { FacePatch } from './face-patch';

export const SKIN_TOLERANCE = {
  /** Chroma distance (a*, b*) above which a pixel is not the reference skin. */
  chroma: 14,
  /** Lightness below / above the reference by more than this is not skin (a dark or white covering). */
  darker: 45,
  lighter: 40,
} as const;

export interface SkinModel {
  /** Median L*, a*, b* of the reference skin. */
  reference: [L: number, a: number, b: number];
  /** Fraction of the mask's pixels that are not skin-coloured; null for an empty mask. */
  nonSkinFraction(mask: Uint8Array): number | null;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((p, q) => p - q);
  return sorted[sorted.length >> 1];
};

export function skinModel(patch: FacePatch, referenceMask: Uint8Array): SkinModel | null {
  const lab = (i: number) => srgbToLab(patch.rgb[3 * i], patch.rgb[3 * i + 1], patch.rgb[3 * i + 2]);
  const L: number[] = [];
  const A: number[] = [];
  const B: number[] = [];
  for (let i = 0; i < referenceMask.length; i++) {
    if (!referenceMask[i]) continue;
    const [l, a, b] = lab(i);
    L.push(l);
    A.push(a);
    B.push(b);
  }
  if (L.length < 16) return null;
  const reference: [number, number, number] = [median(L), median(A), median(B)];
  return {
    reference,
    nonSkinFraction(mask) {
      let n = 0;
      let off = 0;
      for (let i = 0; i < mask.length; i++) {
        if (!mask[i]) continue;
        const [l, a, b] = lab(i);
        const da = a < reference[1] ? a - reference[1] : (a - reference[1]) / 3;
        const far = Math.hypot(da, b - reference[2]) > SKIN_TOLERANCE.chroma || l < reference[0] - SKIN_TOLERANCE.darker || l > reference[0] + SKIN_TOLERANCE.lighter;
        n++;
        if (far) off++;
      }
      return n ? off / n : null;
    },
  };
}
