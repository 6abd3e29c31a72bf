import type { Affine, Point2 } from './types';

export function applyAffine(m: Affine, [x, y]: Point2): Point2 {
  return [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]];
}
