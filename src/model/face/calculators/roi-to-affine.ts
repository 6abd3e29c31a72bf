import type { Affine, RotatedRect } from './types';

/**
 * The map from a `cropSize`×`cropSize` crop of `roi` back to the image: crop pixel (u, v) lands on the
 * image at centre + R(angle)·((u/size − ½)·width·(flip ? −1 : 1), (v/size − ½)·height). Cropping samples
 * the image through it, and landmarks found in the crop are projected back through the same map, so
 * rotation and mirroring need no special cases anywhere else (MediaPipe ImageToTensor +
 * LandmarkProjection).
 */
export function roiToAffine(roi: RotatedRect, cropSize: number, flipHorizontally = false): Affine {
  const sx = (roi.width / cropSize) * (flipHorizontally ? -1 : 1);
  const sy = roi.height / cropSize;
  const cos = Math.cos(roi.angle);
  const sin = Math.sin(roi.angle);
  const a = cos * sx;
  const b = -sin * sy;
  const d = sin * sx;
  const e = cos * sy;
  const half = cropSize / 2;
  return [a, b, roi.centerX - (a + b) * half, d, e, roi.centerY - (d + e) * half];
}
