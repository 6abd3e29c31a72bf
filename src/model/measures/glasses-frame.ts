/**
 * Glasses frame: the bridge of a pair of glasses as an edge across the nose between the eyes. Skin
 * there is smooth and its edges run down the nose (the nose's sides), while a frame's bridge runs
 * across it: a row of strong vertical luma change (∂L/∂y). The band read is narrow (± 0.1 inter-eye
 * distance about the nose bridge, mesh 168, in the face patch where the eyes are level) and runs from
 * 0.2 IED above the eye line to 0.1 IED below it, where real glasses' bridges were found on validation
 * (not higher: brows, a unibrow or a fringe also draw edges across the nose there). Raw = the largest mean |∂L/∂y|
 * of one row of the band, over the band's mean luma: a Weber contrast, so it does not depend on
 * exposure or skin tone, read at the face's own scale (the patch), so not on distance. Clear
 * prescription glasses, metal or plastic, and sunglasses all have a bridge; their lenses may be
 * invisible. A mask pulled up to the eyes has an edge there too (the fused verdict only asks this
 * measure when the classifier sees no cover). ISO/IEC 29794-5 has no glasses measure and OFIQ's
 * occlusion segmentation sees thick frames only; ICAO 9303 portraits and the paper's `eyeglasses`
 * class ask for none. The score is 50 at the fused verdict's eyeglasses threshold (docs/measures.md).
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import type { FaceLandmarks } from '../face/types';
import { FACE_PATCH, type FacePatch } from './face-patch';
import { sigmoidScore } from './ofiq-mapping';

/** The band read, in inter-eye distances: ± halfWidth about the nose bridge, from `top` to `bottom` about the eye line (negative = above). */
export const BRIDGE_BAND = { landmark: 168, halfWidth: 0.1, top: -0.2, bottom: 0.1 } as const;
/**
 * Score 50 at raw 0.14, the fused verdict's eyeglasses threshold (fusion.json glassesFrameMax 0.1413,
 * fitted on validation: the value at most 3 % of clean faces exceed); w 0.02 puts score 80 at 0.11
 * and 20 at 0.17. Validation faces without glasses: median 0.03–0.05 by source.
 */
export const GLASSES_FRAME_MAPPING = { h: 100, a: 1, s: -1, x0: 0.14, w: 0.02 };

export function glassesFrame(patch: FacePatch, face: FaceLandmarks): MeasureValue | undefined {
  const { luma, size, inside } = patch;
  const d = FACE_PATCH.interEyePx;
  const centre = patch.toPatch(face.mesh[BRIDGE_BAND.landmark]).x;
  const u0 = Math.max(0, Math.floor(centre - BRIDGE_BAND.halfWidth * d));
  const u1 = Math.min(size - 1, Math.ceil(centre + BRIDGE_BAND.halfWidth * d));
  const v0 = Math.max(1, Math.floor(FACE_PATCH.eyeMid.y + BRIDGE_BAND.top * d));
  const v1 = Math.min(size - 2, Math.ceil(FACE_PATCH.eyeMid.y + BRIDGE_BAND.bottom * d));
  let strongestRow = 0;
  let lumaSum = 0;
  let n = 0;
  for (let v = v0; v <= v1; v++) {
    let rowSum = 0;
    let rowN = 0;
    for (let u = u0; u <= u1; u++) {
      const i = v * size + u;
      if (!inside[i - size] || !inside[i + size]) continue;
      rowSum += Math.abs(luma[i + size] - luma[i - size]) / 2;
      lumaSum += luma[i];
      rowN++;
    }
    if (rowN > 0) strongestRow = Math.max(strongestRow, rowSum / rowN);
    n += rowN;
  }
  if (n === 0) return undefined;
  const raw = strongestRow / Math.max(1, lumaSum / n);
  return { raw, score: sigmoidScore(raw, GLASSES_FRAME_MAPPING) };
}
