/**
 * Resamples an image through a similarity transform with bilinear interpolation (inverse mapping:
 * each output pixel looks up where it comes from in the source).
 *
 * Coordinates are continuous image coordinates, as the face models report them: pixel (i, j)
 * covers [i, i+1) × [j, j+1), so its centre is (i + 0.5, j + 0.5). Output pixels whose source
 * lies outside the image take `background`; `coverage` is the fraction of output pixels that came
 * from the image (below 1 when the face was near the frame's edge).
 */
import { sampleBilinear, type RgbaImage } from '../image';
import { applySimilarity, invertSimilarity, type SimilarityTransform } from './similarity-transform';

export type Rgba = readonly [number, number, number, number];

export interface WarpedImage {
  image: RgbaImage;
  coverage: number;
}

export function warpSimilarity(source: RgbaImage, sourceToOutput: SimilarityTransform, width: number, height: number, background: Rgba): WarpedImage {
  const inverse = invertSimilarity(sourceToOutput);
  const out = new Uint8ClampedArray(width * height * 4);
  const { width: sw, height: sh } = source;
  const pixel = [0, 0, 0, 0];
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
      sampleBilinear(source, x, y, 4, pixel);
      for (let c = 0; c < 4; c++) out[o + c] = pixel[c];
    }
  }
  return { image: { width, height, data: out }, coverage: inside / (width * height) };
}
