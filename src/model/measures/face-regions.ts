/**
 * The regions of the face patch the measures read, from the mesh: the face oval, the lower face (where
 * masks, scarves and hands cover it), the mouth, the skin around each eye (where sunglasses sit), the two
 * cheek halves (illumination), a skin reference (forehead and the top of the cheeks, which a mask leaves
 * bare) and the background around the head. Masks are patch-sized arrays of 0/1.
 */
import type { FaceLandmarks } from '../face/types';
import { MESH } from './face-geometry';
import { FACE_PATCH, maskAnd as and, maskMinus as minus, maskOr as or, polygonMask, rectMask, scalePolygon, type FacePatch } from './face-patch';

export interface FaceRegions {
  oval: Uint8Array;
  lowerFace: Uint8Array;
  mouth: Uint8Array;
  periocular: Uint8Array;
  cheekRight: Uint8Array;
  cheekLeft: Uint8Array;
  skinReference: Uint8Array;
  background: Uint8Array;
}

export function faceRegions(patch: FacePatch, face: FaceLandmarks): FaceRegions {
  const { interEyePx: d, eyeMid } = FACE_PATCH;
  const at = (indices: readonly number[]) => indices.map((i) => patch.toPatch(face.mesh[i]));
  const ovalPolygon = at(MESH.faceOval);
  const oval = polygonMask(patch, ovalPolygon);
  const lips = polygonMask(patch, at(MESH.lipsOuter));
  const eyes = or(polygonMask(patch, scalePolygon(at(MESH.rightEye), 1.15)), polygonMask(patch, scalePolygon(at(MESH.leftEye), 1.15)));
  const aroundEyes = or(polygonMask(patch, scalePolygon(at(MESH.rightEye), 2)), polygonMask(patch, scalePolygon(at(MESH.leftEye), 2)));
  const mouthLine = Math.max(...at(MESH.mouthCorners).map((p) => p.y));
  const noseX = patch.toPatch(face.mesh[1]).x;
  const s = patch.size;
  const belowEyes = rectMask(patch, 0, eyeMid.y + 0.35 * d, s, s);
  const cheekBand = minus(and(oval, rectMask(patch, 0, eyeMid.y + 0.3 * d, s, mouthLine)), or(eyes, lips));
  const chin = patch.toPatch(face.mesh[MESH.chin]).y;
  return {
    oval,
    lowerFace: minus(and(oval, belowEyes), lips),
    mouth: and(polygonMask(patch, scalePolygon(at(MESH.lipsOuter), 1.5)), oval),
    periocular: and(minus(aroundEyes, eyes), oval),
    cheekRight: and(cheekBand, rectMask(patch, 0, 0, noseX, s)),
    cheekLeft: and(cheekBand, rectMask(patch, noseX, 0, s, s)),
    skinReference: and(oval, or(rectMask(patch, eyeMid.x - 0.75 * d, eyeMid.y - 0.875 * d, eyeMid.x + 0.75 * d, eyeMid.y - 0.375 * d), minus(rectMask(patch, eyeMid.x - 0.8 * d, eyeMid.y + 0.3 * d, eyeMid.x + 0.8 * d, eyeMid.y + 0.55 * d), rectMask(patch, eyeMid.x - 0.25 * d, 0, eyeMid.x + 0.25 * d, s)))),
    background: minus(rectMask(patch, 0, 0, s, chin), polygonMask(patch, scalePolygon(ovalPolygon, 1.3))),
  };
}
