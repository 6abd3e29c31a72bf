import type { RotatedRect } from './types';

/**
 * The whole image as a square region centred on it, `scale` times its long side, so that cropping it
 * to the detector's square input letterboxes instead of stretching (MediaPipe keep_aspect_ratio; human
 * stretches) and, with scale > 1, leaves a margin around it.
 */
export function imageRoi(width: number, height: number, scale = 1): RotatedRect {
  const side = Math.max(width, height) * scale;
  return { centerX: width / 2, centerY: height / 2, width: side, height: side, angle: 0 };
}
