/**
 * Where synthetic occluders go, from the 468 MediaPipe face-mesh points (the MaskTheFace idea:
 * anchor the shape on landmarks so it follows pose and scale). Pure geometry, no pixels.
 */
import type { FaceLandmarks } from '../../../src/model/face/types';
import { ellipsePolygon, thickLine, type Point } from './raster';

export const OCCLUDER_KINDS = ['mask', 'scarf', 'hand', 'glasses', 'sunglasses'] as const;
export type OccluderKind = (typeof OCCLUDER_KINDS)[number];

/** Lower face oval, subject's right cheek edge (234) → chin (152) → left cheek edge (454). */
export const LOWER_OVAL = [234, 93, 132, 58, 172, 136, 150, 149, 176, 148, 152, 377, 400, 378, 379, 365, 397, 288, 361, 323, 454];
const NOSE_BRIDGE = 6;
const NOSE_LOWER_BRIDGE = 197;
const NOSE_TIP = 4;
const UPPER_LIP = 0;
const MOUTH_CENTRE = 13;
const CHIN = 152;
const FOREHEAD = 10;
const RIGHT_EYE = { outer: 33, inner: 133 };
const LEFT_EYE = { outer: 263, inner: 362 };
const RIGHT_CHEEK_EDGE = 234;
const LEFT_CHEEK_EDGE = 454;

export interface OccluderShape {
  /** Filled polygons making up the occluder (union). */
  polygons: Point[][];
  /** Polygons cut out of the union (e.g. the lens inside a frame). */
  holes?: Point[][];
}

const p2 = (face: FaceLandmarks, i: number): Point => [face.mesh[i][0], face.mesh[i][1]];
const lerp = (a: Point, b: Point, t: number): Point => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** Face height (forehead top to chin), the unit for occluder sizes. */
export function faceHeight(face: FaceLandmarks): number {
  const a = p2(face, FOREHEAD);
  const b = p2(face, CHIN);
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Surgical / cloth mask: the lower oval, closed over the nose bridge. `height` 0..1 moves the top edge from low bridge to bridge. */
export function maskPolygon(face: FaceLandmarks, height: number): Point[] {
  const top = lerp(p2(face, NOSE_LOWER_BRIDGE), p2(face, NOSE_BRIDGE), height);
  const outline = LOWER_OVAL.map((i) => p2(face, i));
  return [...outline, top];
}

/** Scarf: the lower oval widened and carried below the chin, top edge between nose tip and upper lip. */
export function scarfPolygon(face: FaceLandmarks, drop: number): Point[] {
  const h = faceHeight(face);
  const centre = p2(face, NOSE_TIP);
  const widen = (p: Point): Point => [centre[0] + (p[0] - centre[0]) * 1.12, p[1]];
  const outline = LOWER_OVAL.map((i) => widen(p2(face, i)));
  const top = lerp(p2(face, NOSE_TIP), p2(face, UPPER_LIP), 0.3);
  const first = outline[0];
  const last = outline[outline.length - 1];
  return [[first[0], first[1] + h * drop], ...outline.slice(1, -1).map(([x, y]) => [x, y + h * 0.25] as Point), [last[0], last[1] + h * drop], last, top, first];
}

/** A hand over the mouth or one eye: palm ellipse and four finger capsules, rotated by `tilt` radians. */
export function handPolygons(face: FaceLandmarks, over: 'mouth' | 'eye', tilt: number): Point[][] {
  const h = faceHeight(face);
  const eye = lerp(p2(face, RIGHT_EYE.outer), p2(face, RIGHT_EYE.inner), 0.5);
  const centre = over === 'mouth' ? p2(face, MOUTH_CENTRE) : eye;
  const palm = ellipsePolygon(centre[0], centre[1] + h * 0.12, h * 0.22, h * 0.2, tilt);
  const fingers: Point[][] = [];
  for (let k = 0; k < 4; k++) {
    const offset = (k - 1.5) * h * 0.1;
    const base: Point = [centre[0] + offset * Math.cos(tilt), centre[1] + offset * Math.sin(tilt)];
    const dir = tilt - Math.PI / 2;
    const len = h * (0.28 - Math.abs(k - 1.5) * 0.04);
    const tip: Point = [base[0] + len * Math.cos(dir), base[1] + len * Math.sin(dir)];
    fingers.push(thickLine(base, tip, h * 0.085), ellipsePolygon(tip[0], tip[1], h * 0.0425, h * 0.0425, 0, 16));
  }
  return [palm, ...fingers];
}

export interface LensGeometry {
  centre: Point;
  rx: number;
  ry: number;
}

/** Lenses centred on the eyes, sized by the eye width, rotated with the eye line. */
export function glassesGeometry(face: FaceLandmarks, lensScale: number): { right: LensGeometry; left: LensGeometry; angle: number; eyeWidth: number } {
  const ro = p2(face, RIGHT_EYE.outer);
  const ri = p2(face, RIGHT_EYE.inner);
  const lo = p2(face, LEFT_EYE.outer);
  const li = p2(face, LEFT_EYE.inner);
  const eyeWidth = (Math.hypot(ro[0] - ri[0], ro[1] - ri[1]) + Math.hypot(lo[0] - li[0], lo[1] - li[1])) / 2;
  const right = lerp(ro, ri, 0.5);
  const left = lerp(lo, li, 0.5);
  const angle = Math.atan2(left[1] - right[1], left[0] - right[0]);
  const lens = (c: Point): LensGeometry => ({ centre: c, rx: eyeWidth * 0.8 * lensScale, ry: eyeWidth * 0.6 * lensScale });
  return { right: lens(right), left: lens(left), angle, eyeWidth };
}

/** Frame: two lens rings, a bridge, and temples to the cheek edges. */
export function glassesFrame(face: FaceLandmarks, lensScale: number, thickness: number): OccluderShape {
  const g = glassesGeometry(face, lensScale);
  const t = Math.max(1, g.eyeWidth * thickness);
  const ring = (l: LensGeometry) => ellipsePolygon(l.centre[0], l.centre[1], l.rx + t, l.ry + t, g.angle);
  const hole = (l: LensGeometry) => ellipsePolygon(l.centre[0], l.centre[1], l.rx, l.ry, g.angle);
  const c = Math.cos(g.angle);
  const s = Math.sin(g.angle);
  const edge = (l: LensGeometry, side: number): Point => [l.centre[0] + side * l.rx * c, l.centre[1] + side * l.rx * s];
  const bridge = thickLine(edge(g.right, 1), edge(g.left, -1), t);
  const templeR = thickLine(edge(g.right, -1), p2(face, RIGHT_CHEEK_EDGE), t * 0.8);
  const templeL = thickLine(edge(g.left, 1), p2(face, LEFT_CHEEK_EDGE), t * 0.8);
  return { polygons: [ring(g.right), ring(g.left), bridge, templeR, templeL], holes: [hole(g.right), hole(g.left)] };
}

/** Sunglass lenses (filled, drawn under a frame). */
export function lensPolygons(face: FaceLandmarks, lensScale: number): Point[][] {
  const g = glassesGeometry(face, lensScale);
  return [g.right, g.left].map((l) => ellipsePolygon(l.centre[0], l.centre[1], l.rx, l.ry, g.angle));
}
