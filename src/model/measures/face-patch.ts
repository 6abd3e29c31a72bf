/**
 * The face resampled to a fixed scale and orientation: a square patch in which the eye centres sit
 * level, INTER_EYE_PX apart (OFIQ measures on a similarly aligned face). Every pixel measure of the face
 * reads this patch, so it does not depend on how far the person sits from the camera or on the frame's
 * resolution, and its cost is the same for every face. Downscaling averages a grid of bilinear taps
 * over each patch pixel's footprint (a box prefilter), so a large face does not alias into false detail.
 */
import type { RgbaImage } from '../../image';
import type { Point3 } from '../face/types';
import type { EyeGeometry, Point2 } from './face-geometry';

export const FACE_PATCH = {
  size: 160,
  interEyePx: 32,
  /** Where the eye midpoint lands in the patch. */
  eyeMid: { x: 80, y: 64 },
  /** Bilinear taps per axis are capped here (a face more than 4× the patch scale is averaged coarser). */
  maxTaps: 4,
} as const;

export interface FacePatch {
  size: number;
  /** Rec. 601 luma, 0–255, row-major. */
  luma: Float32Array;
  /** R, G, B interleaved, 0–255. */
  rgb: Float32Array;
  /** 1 where the patch pixel lies inside the frame. */
  inside: Uint8Array;
  /** Image pixels per patch pixel. */
  scale: number;
  /** An image point in patch coordinates. */
  toPatch(p: Point3 | Point2): Point2;
}

export function facePatch(image: RgbaImage, eyes: EyeGeometry): FacePatch {
  const { size, interEyePx, eyeMid, maxTaps } = FACE_PATCH;
  const scale = eyes.interEye / interEyePx;
  const angle = Math.atan2(eyes.left.y - eyes.right.y, eyes.left.x - eyes.right.x);
  const c = Math.cos(angle) * scale;
  const s = Math.sin(angle) * scale;
  const taps = Math.min(maxTaps, Math.max(1, Math.ceil(scale)));
  const { width, height } = image;
  const luma = new Float32Array(size * size);
  const rgb = new Float32Array(size * size * 3);
  const inside = new Uint8Array(size * size);
  const { data } = image;
  // sampleBilinear (src/image.ts) inlined for three channels, same arithmetic in the same order: a call per tap was
  // most of the measures' time.
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      const du = u + 0.5 - eyeMid.x;
      const dv = v + 0.5 - eyeMid.y;
      const cx = eyes.mid.x + c * du - s * dv;
      const cy = eyes.mid.y + s * du + c * dv;
      const o = v * size + u;
      if (cx < 0 || cy < 0 || cx >= width || cy >= height) continue;
      inside[o] = 1;
      let sumR = 0;
      let sumG = 0;
      let sumB = 0;
      for (let ty = 0; ty < taps; ty++) {
        for (let tx = 0; tx < taps; tx++) {
          const ou = (tx + 0.5) / taps - 0.5;
          const ov = (ty + 0.5) / taps - 0.5;
          // image coordinates have pixel centres at +0.5
          const x = Math.min(Math.max(cx + c * ou - s * ov - 0.5, 0), width - 1);
          const y = Math.min(Math.max(cy + s * ou + c * ov - 0.5, 0), height - 1);
          const x0 = Math.floor(x);
          const y0 = Math.floor(y);
          const x1 = Math.min(x0 + 1, width - 1);
          const y1 = Math.min(y0 + 1, height - 1);
          const fx = x - x0;
          const fy = y - y0;
          const i00 = (y0 * width + x0) * 4;
          const i10 = (y0 * width + x1) * 4;
          const i01 = (y1 * width + x0) * 4;
          const i11 = (y1 * width + x1) * 4;
          let top = data[i00] + (data[i10] - data[i00]) * fx;
          let bottom = data[i01] + (data[i11] - data[i01]) * fx;
          sumR += top + (bottom - top) * fy;
          top = data[i00 + 1] + (data[i10 + 1] - data[i00 + 1]) * fx;
          bottom = data[i01 + 1] + (data[i11 + 1] - data[i01 + 1]) * fx;
          sumG += top + (bottom - top) * fy;
          top = data[i00 + 2] + (data[i10 + 2] - data[i00 + 2]) * fx;
          bottom = data[i01 + 2] + (data[i11 + 2] - data[i01 + 2]) * fx;
          sumB += top + (bottom - top) * fy;
        }
      }
      const n = taps * taps;
      const r = sumR / n;
      const g = sumG / n;
      const b = sumB / n;
      rgb[o * 3] = r;
      rgb[o * 3 + 1] = g;
      rgb[o * 3 + 2] = b;
      luma[o] = 0.299 * r + 0.587 * g + 0.114 * b;
    }
  }
  const cos = Math.cos(angle) / scale;
  const sin = Math.sin(angle) / scale;
  const toPatch = (p: Point3 | Point2): Point2 => {
    const x = (Array.isArray(p) ? p[0] : (p as Point2).x) - eyes.mid.x;
    const y = (Array.isArray(p) ? p[1] : (p as Point2).y) - eyes.mid.y;
    return { x: eyeMid.x + cos * x + sin * y, y: eyeMid.y - sin * x + cos * y };
  };
  return { size, luma, rgb, inside, scale, toPatch };
}

/** Even-odd fill of a polygon at the patch's pixel centres, limited to pixels inside the frame. */
export function polygonMask(patch: FacePatch, polygon: readonly Point2[]): Uint8Array {
  const { size } = patch;
  const mask = new Uint8Array(size * size);
  const xs: number[] = [];
  for (let v = 0; v < size; v++) {
    const y = v + 0.5;
    xs.length = 0;
    for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
      const a = polygon[i];
      const b = polygon[j];
      if (a.y > y !== b.y > y) xs.push(a.x + ((y - a.y) / (b.y - a.y)) * (b.x - a.x));
    }
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil(xs[k] - 0.5));
      const to = Math.min(size - 1, Math.ceil(xs[k + 1] - 0.5) - 1);
      for (let u = from; u <= to; u++) mask[v * size + u] = patch.inside[v * size + u];
    }
  }
  return mask;
}

/** A polygon scaled about its centroid (factor > 1 grows it). */
export function scalePolygon(polygon: readonly Point2[], factor: number): Point2[] {
  const cx = polygon.reduce((a, p) => a + p.x, 0) / polygon.length;
  const cy = polygon.reduce((a, p) => a + p.y, 0) / polygon.length;
  return polygon.map((p) => ({ x: cx + (p.x - cx) * factor, y: cy + (p.y - cy) * factor }));
}

/** An axis-aligned rectangle of the patch (patch pixels), limited to pixels inside the frame. */
export function rectMask(patch: FacePatch, x0: number, y0: number, x1: number, y1: number): Uint8Array {
  const { size } = patch;
  const mask = new Uint8Array(size * size);
  for (let v = Math.max(0, Math.floor(y0)); v < Math.min(size, Math.ceil(y1)); v++) {
    for (let u = Math.max(0, Math.floor(x0)); u < Math.min(size, Math.ceil(x1)); u++) mask[v * size + u] = patch.inside[v * size + u];
  }
  return mask;
}

export function maskCount(mask: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i];
  return count;
}

// Plain loops: a TypedArray.map callback per pixel made the face regions the measures' largest cost.
/** Pixels set in both masks. */
export function maskAnd(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] && b[i] ? 1 : 0;
  return out;
}

/** Pixels set in either mask. */
export function maskOr(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] || b[i] ? 1 : 0;
  return out;
}

/** Pixels set in `a` but not in `b`. */
export function maskMinus(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] && !b[i] ? 1 : 0;
  return out;
}
