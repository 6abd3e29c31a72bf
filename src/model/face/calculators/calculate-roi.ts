import type { Corners, Point2, RotatedRect } from './types';

/**
 * A square region of interest around `box`, turned so that the axis `start → end` becomes horizontal,
 * scaled by `scale` and squared on its long side (MediaPipe DetectionsToRectsCalculator with
 * target angle 0, then RectTransformationCalculator with square_long). Used for the face (box = the
 * detection, axis = the eyes) and for each eye (box = bounds of the two corners, axis = the corners).
 */
export function calculateRoi(box: Corners, start: Point2, end: Point2, scale: number): RotatedRect {
  const side = Math.max(box.xMax - box.xMin, box.yMax - box.yMin) * scale;
  return {
    centerX: (box.xMin + box.xMax) / 2,
    centerY: (box.yMin + box.yMax) / 2,
    width: side,
    height: side,
    angle: normalizeRadians(Math.atan2(end[1] - start[1], end[0] - start[0])),
  };
}

/** The angle in [-π, π). */
export function normalizeRadians(angle: number): number {
  return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
}
