import type { FaceLandmarks, Point3 } from '../face/types';
import { EAR_MESH_INDICES, type EyeSide } from './constants';

export interface EyeOpenness {
  /** Eye aspect ratio: mean of the two lid openings over the corner-to-corner width. */
  ear: number;
  /** Lid opening at the eye centre over the iris diameter, clamped to [0, 1]; null without iris points. */
  irisVisibility: number | null;
  /** Corner-to-corner distance in pixels. */
  widthPx: number;
  /** Midpoint of the corners, pixels. */
  center: { x: number; y: number };
}

const dist = (a: Point3, b: Point3) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Eyelid opening of one eye from the 468-point mesh (and the iris points when present). */
export function measureEyeOpenness(face: FaceLandmarks, side: EyeSide): EyeOpenness {
  const i = EAR_MESH_INDICES[side];
  const m = face.mesh;
  const widthPx = dist(m[i.p1], m[i.p4]);
  const ear = widthPx > 0 ? (dist(m[i.p2], m[i.p6]) + dist(m[i.p3], m[i.p5])) / (2 * widthPx) : 0;
  const iris = face.iris?.[side];
  let irisVisibility: number | null = null;
  if (iris && iris.length === 5) {
    const diameter = (dist(iris[1], iris[3]) + dist(iris[2], iris[4])) / 2;
    if (diameter > 0) irisVisibility = Math.min(1, Math.max(0, dist(m[i.upperMid], m[i.lowerMid]) / diameter));
  }
  return { ear, irisVisibility, widthPx, center: { x: (m[i.p1][0] + m[i.p4][0]) / 2, y: (m[i.p1][1] + m[i.p4][1]) / 2 } };
}
