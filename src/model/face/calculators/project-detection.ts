import { applyAffine } from './apply-affine';
import type { Affine, Detection } from './types';

/** A detection found in a crop, in image pixels (box = bounds of its projected corners). */
export function projectDetection(detection: Detection, m: Affine): Detection {
  const { xMin, yMin, xMax, yMax } = detection.box;
  const corners = [applyAffine(m, [xMin, yMin]), applyAffine(m, [xMax, yMax]), applyAffine(m, [xMin, yMax]), applyAffine(m, [xMax, yMin])];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  return {
    box: { xMin: Math.min(...xs), yMin: Math.min(...ys), xMax: Math.max(...xs), yMax: Math.max(...ys) },
    keypoints: detection.keypoints.map((p) => applyAffine(m, p)),
    score: detection.score,
  };
}
