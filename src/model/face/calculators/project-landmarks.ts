import type { Point3 } from '../types';
import type { Affine } from './types';

/**
 * `count` (x, y, z) landmarks from a model's flat output (starting at point `first`), given in the
 * pixels of its `inputSize` crop, projected to the image through the crop's map. z is scaled like x
 * (crop pixels → image pixels), as MediaPipe's LandmarkProjection does with normalised z.
 */
export function projectLandmarks(raw: ArrayLike<number>, first: number, count: number, m: Affine, inputSize: number, roiWidth: number): Point3[] {
  const zScale = roiWidth / inputSize;
  const points: Point3[] = [];
  for (let i = first; i < first + count; i++) {
    const x = raw[3 * i];
    const y = raw[3 * i + 1];
    points.push([m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5], raw[3 * i + 2] * zScale]);
  }
  return points;
}
