import type { IntegralImages } from './integral-image';

/**
 * OpenCV HaarEvaluator::setWindow: the variance normalisation of the window at (x, y), measured on
 * the window shrunk by one pixel each side (normrect), as float32 1/sqrt(area·Σx² − (Σx)²).
 * Returns null where OpenCV rejects the window before any stage: outside the image, a flat window
 * (nf ≤ 0), or a low-contrast one (area·factor ≥ 0.1, i.e. standard deviation ≤ 10 grey levels).
 */
export function windowVarianceNorm(
  integral: IntegralImages,
  x: number,
  y: number,
  windowWidth: number,
  windowHeight: number,
): number | null {
  if (x < 0 || y < 0 || x + windowWidth >= integral.stride || y + windowHeight >= integral.rows) return null;
  const { stride, sum, sqsum } = integral;
  const w = windowWidth - 2;
  const h = windowHeight - 2;
  const p0 = (y + 1) * stride + x + 1;
  const p1 = p0 + w;
  const p2 = p0 + h * stride;
  const p3 = p2 + w;
  const valsum = (sum[p0] - sum[p1] - sum[p2] + sum[p3]) | 0;
  const valsqsum = (sqsum[p0] - sqsum[p1] - sqsum[p2] + sqsum[p3]) >>> 0;
  const area = w * h;
  const nf = area * valsqsum - valsum * valsum;
  if (!(nf > 0)) return null;
  const factor = Math.fround(1 / Math.sqrt(nf));
  return area * factor < 0.1 ? factor : null;
}
