/**
 * Eyes visible, mouth occlusion and face occlusion (ISO/IEC 29794-5 §7.4.3, §7.4.8–9): the fraction of
 * a region that is not the person's skin colour (skin.ts), scored 100 · (1 − raw) as OFIQ.
 * - eyes-visible: the skin ring around both eyes (where sunglasses' lenses and thick frames sit);
 * - mouth-occlusion: the mouth grown by half (a mask, scarf or hand over it);
 * - face-occlusion: the face below the eyes, lips left out, combined with the mesh's own confidence
 *   (raw = 1 − (1 − non-skin) · meshScore), so a face the mesh is unsure of reads as partly occluded.
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import { clampScore } from './ofiq-mapping';
import type { SkinModel } from './skin';

function occluded(skin: SkinModel, mask: Uint8Array): MeasureValue | undefined {
  const raw = skin.nonSkinFraction(mask);
  return raw === null ? undefined : { raw, score: clampScore(100 * (1 - raw)) };
}

export const eyesVisible = (skin: SkinModel, periocular: Uint8Array) => occluded(skin, periocular);
export const mouthOcclusion = (skin: SkinModel, mouth: Uint8Array) => occluded(skin, mouth);

export function faceOcclusion(skin: SkinModel, lowerFace: Uint8Array, meshScore: number): MeasureValue | undefined {
  const nonSkin = skin.nonSkinFraction(lowerFace);
  if (nonSkin === null) return undefined;
  const raw = 1 - (1 - nonSkin) * Math.min(1, Math.max(0, meshScore));
  return { raw, score: clampScore(100 * (1 - raw)) };
}
