import type { Corners, Point2 } from './types';

/** The axis-aligned bounds of some points (MediaPipe LandmarksToDetectionCalculator). */
export function boundsOfPoints(points: readonly Point2[]): Corners {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { xMin: Math.min(...xs), yMin: Math.min(...ys), xMax: Math.max(...xs), yMax: Math.max(...ys) };
}
