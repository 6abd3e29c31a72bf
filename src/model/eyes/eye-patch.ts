import { sampleBilinear, type RgbaImage } from '../../image';
import type { FaceLandmarks } from '../face/types';
import { EAR_MESH_INDICES, type EyeSide } from './constants';

/** The eye-aligned patch: its extent in eye widths around the corners' midpoint, and its grid. */
export interface EyePatchConfig {
  cols: number;
  rows: number;
  /** Half-width and half-height of the patch in eye widths (corner-to-corner distances). */
  halfWidth: number;
  halfHeight: number;
  /** Samples per cell side averaged into each cell (so a large eye is not aliased). */
  supersample: number;
}

/**
 * A grayscale patch of one eye in the eye's own frame: the x axis runs from the outer corner to the
 * inner one (so the two eyes are mirror images of each other in the same layout), y downwards, both in
 * eye widths; zero mean, unit variance, so neither the size of the eye in the image nor the light
 * change it. Row-major, `rows × cols`.
 */
export function eyePatch(image: RgbaImage, face: FaceLandmarks, side: EyeSide, config: EyePatchConfig): Float32Array {
  const i = EAR_MESH_INDICES[side];
  const outer = face.mesh[i.p1];
  const inner = face.mesh[i.p4];
  const width = Math.hypot(inner[0] - outer[0], inner[1] - outer[1]) || 1;
  const ux = (inner[0] - outer[0]) / width;
  const uy = (inner[1] - outer[1]) / width;
  // "down" is the same side of the corner line for both eyes although their x axes point opposite ways
  const down = side === 'right' ? 1 : -1;
  const vx = -uy * down;
  const vy = ux * down;
  const cx = (outer[0] + inner[0]) / 2;
  const cy = (outer[1] + inner[1]) / 2;
  const { cols, rows, halfWidth, halfHeight, supersample: n } = config;
  const out = new Float32Array(cols * rows);
  const rgb = [0, 0, 0];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const a = (-1 + (2 * (c + (sx + 0.5) / n)) / cols) * halfWidth * width;
          const b = (-1 + (2 * (r + (sy + 0.5) / n)) / rows) * halfHeight * width;
          sampleBilinear(image, cx + a * ux + b * vx, cy + a * uy + b * vy, 3, rgb);
          sum += 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
        }
      }
      out[r * cols + c] = sum / (n * n);
    }
  }
  let mean = 0;
  for (const v of out) mean += v;
  mean /= out.length;
  let variance = 0;
  for (const v of out) variance += (v - mean) ** 2;
  const std = Math.sqrt(variance / out.length) || 1;
  for (let k = 0; k < out.length; k++) out[k] = (out[k] - mean) / std;
  return out;
}
