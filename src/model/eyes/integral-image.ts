import type { GrayImage } from './rgba-to-gray';

/**
 * OpenCV's integral images, (width+1)×(height+1), first row and column zero:
 * sum(X,Y) = Σ_{x<X,y<Y} I, sqsum the same over I², tilted(X,Y) = Σ_{y<Y, |x-X+1| ≤ Y-y-1} I.
 * All Int32 like OpenCV's CV_32S buffers: sqsum may wrap on big images, and window sums taken as
 * differences are still exact modulo 2^32 (OpenCV reads them back as unsigned for that reason).
 */
export interface IntegralImages {
  /** Row stride = source width + 1. */
  stride: number;
  rows: number;
  sum: Int32Array;
  sqsum: Int32Array;
  tilted?: Int32Array;
}

export function computeIntegralImages(gray: GrayImage, withTilted: boolean): IntegralImages {
  const { width, height, data } = gray;
  const stride = width + 1;
  const rows = height + 1;
  const sum = new Int32Array(stride * rows);
  const sqsum = new Int32Array(stride * rows);
  for (let y = 0; y < height; y++) {
    let rowSum = 0;
    let rowSq = 0;
    const above = y * stride;
    const here = above + stride;
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x];
      rowSum += v;
      rowSq = (rowSq + v * v) | 0;
      sum[here + x + 1] = sum[above + x + 1] + rowSum;
      sqsum[here + x + 1] = (sqsum[above + x + 1] + rowSq) | 0;
    }
  }
  return { stride, rows, sum, sqsum, tilted: withTilted ? computeTiltedIntegral(gray) : undefined };
}

/**
 * Tilted integral by the Lienhart recurrence T(X,Y) = T(X-1,Y-1) + T(X+1,Y-1) − T(X,Y-2) + I(X-1,Y-1) + I(X-1,Y-2),
 * computed on a grid padded by `height` columns each side so the triangles that stick out of the
 * image are handled without special cases, then cropped to OpenCV's (width+1)×(height+1).
 */
function computeTiltedIntegral(gray: GrayImage): Int32Array {
  const { width, height, data } = gray;
  const pad = height + 1;
  const pw = width + 1 + 2 * pad;
  const rows = height + 1;
  const t = new Int32Array(pw * rows);
  const pixel = (x: number, y: number) => (x >= 0 && x < width && y >= 0 && y < height ? data[y * width + x] : 0);
  for (let Y = 1; Y < rows; Y++) {
    for (let P = 0; P < pw; P++) {
      const X = P - pad;
      const left = P > 0 ? t[(Y - 1) * pw + P - 1] : 0;
      const right = P + 1 < pw ? t[(Y - 1) * pw + P + 1] : 0;
      const twoUp = Y >= 2 ? t[(Y - 2) * pw + P] : 0;
      t[Y * pw + P] = left + right - twoUp + pixel(X - 1, Y - 1) + pixel(X - 1, Y - 2);
    }
  }
  const stride = width + 1;
  const out = new Int32Array(stride * rows);
  for (let Y = 0; Y < rows; Y++) for (let X = 0; X < stride; X++) out[Y * stride + X] = t[Y * pw + X + pad];
  return out;
}
