/**
 * Resamples an image through a similarity transform with bilinear interpolation (inverse mapping:
 * each output pixel looks up where it comes from in the source).
 *
 * Coordinates are continuous image coordinates, as the face models report them: pixel (i, j)
 * covers [i, i+1) × [j, j+1), so its centre is (i + 0.5, j + 0.5). Output pixels whose source
 * lies outside the image take `background`; `coverage` is the fraction of output pixels that came
 * from the image (below 1 when the face was near the frame's edge).
 */
import type { RgbaImage } from '../image';
import { applySimilarity, invertSimilarity, type SimilarityTransform } from './similarity-transform';

export type Rgba = readonly [number, number, number, number];

export interface WarpedImage {
  image: RgbaImage;
  coverage: number;
}

export function warpSimilarity(source: RgbaImage, sourceToOutput: SimilarityTransform, width: number, height: number, background: Rgba): WarpedImage {
  const inverse = invertSimilarity(sourceToOutput);
  const out = new Uint8ClampedArray(width * height * 4);
  const { data: src, width: sw, height: sh } = source;
  let inside = 0;
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const p = applySimilarity(inverse, { x: u + 0.5, y: v + 0.5 });
      // Sample position in pixel-index space (centres at integers).
      const x = p.x - 0.5;
      const y = p.y - 0.5;
      const o = (v * width + u) * 4;
      if (x < -0.5 || y < -0.5 || x > sw - 0.5 || y > sh - 0.5) {
        out[o] = background[0];
        out[o + 1] = background[1];
        out[o + 2] = background[2];
        out[o + 3] = background[3];
        continue;
      }
      inside++;
      // Clamp to the edge pixels within the last half pixel, so the border is not darkened.
      const cx = Math.min(Math.max(x, 0), sw - 1);
      const cy = Math.min(Math.max(y, 0), sh - 1);
      const x0 = Math.floor(cx);
      const y0 = Math.floor(cy);
      const x1 = Math.min(x0 + 1, sw - 1);
      const y1 = Math.min(y0 + 1, sh - 1);
      const fx = cx - x0;
      const fy = cy - y0;
      const i00 = (y0 * sw + x0) * 4;
      const i10 = (y0 * sw + x1) * 4;
      const i01 = (y1 * sw + x0) * 4;
      const i11 = (y1 * sw + x1) * 4;
      for (let c = 0; c < 4; c++) {
        const top = src[i00 + c] + (src[i10 + c] - src[i00 + c]) * fx;
        const bottom = src[i01 + c] + (src[i11 + c] - src[i01 + c]) * fx;
        out[o + c] = top + (bottom - top) * fy;
      }
    }
  }
  return { image: { width, height, data: out }, coverage: inside / (width * height) };
}
