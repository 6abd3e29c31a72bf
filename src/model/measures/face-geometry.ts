/**
 * Landmark geometry shared by the measures: MediaPipe face-mesh indices of the regions, the eye
 * centres (midpoints of the eye corners, as OFIQ's CalculateReferencePoints), the inter-eye distance
 * and OFIQ's "T" (eye midpoint to chin), in image pixels.
 */
import type { FaceLandmarks, Point3 } from '../face/types';

/** Canonical MediaPipe face-mesh indices (468-point topology); `right`/`left` are the subject's. */
export const MESH = {
  faceOval: [10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109],
  lipsOuter: [61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185],
  /** Upper / lower inner-lip pairs from corner to corner: the mouth's openings (OFIQ MOUTH_INNER pairs). */
  innerLipPairs: [[80, 88], [81, 178], [82, 87], [13, 14], [312, 317], [311, 402], [310, 318]],
  rightEye: [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246],
  leftEye: [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466],
  /** Upper / lower lid pairs of each eye: its openings (OFIQ takes the largest). */
  rightLidPairs: [[160, 144], [159, 145], [158, 153]],
  leftLidPairs: [[387, 373], [386, 374], [385, 380]],
  rightEyeCorners: [33, 133],
  leftEyeCorners: [263, 362],
  chin: 152,
  mouthCorners: [61, 291],
} as const;

export interface Point2 {
  x: number;
  y: number;
}

const mid = (a: Point3, b: Point3): Point2 => ({ x: (a[0] + b[0]) / 2, y: (a[1] + b[1]) / 2 });
export const distance = (a: Point2, b: Point2) => Math.hypot(a.x - b.x, a.y - b.y);
export const point2 = (p: Point3): Point2 => ({ x: p[0], y: p[1] });

export interface EyeGeometry {
  /** Centre of the subject's right eye (the image's left in an unmirrored frame). */
  right: Point2;
  left: Point2;
  mid: Point2;
  /** Distance between the eye centres, pixels. */
  interEye: number;
  /** OFIQ's T: eye midpoint to chin, pixels. */
  eyeToChin: number;
}

export function eyeGeometry(face: FaceLandmarks): EyeGeometry {
  const m = face.mesh;
  const right = mid(m[MESH.rightEyeCorners[0]], m[MESH.rightEyeCorners[1]]);
  const left = mid(m[MESH.leftEyeCorners[0]], m[MESH.leftEyeCorners[1]]);
  const eyes = { x: (right.x + left.x) / 2, y: (right.y + left.y) / 2 };
  return { right, left, mid: eyes, interEye: distance(right, left), eyeToChin: distance(eyes, point2(m[MESH.chin])) };
}

/** The largest distance between paired points: an eye's or the mouth's opening (OFIQ GetMaxPairDistance). */
export function maxPairDistance(mesh: readonly Point3[], pairs: readonly (readonly [number, number])[]): number {
  return Math.max(...pairs.map(([a, b]) => distance(point2(mesh[a]), point2(mesh[b]))));
}
