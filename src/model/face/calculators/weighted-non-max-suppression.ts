import { intersectionOverUnion } from './intersection-over-union';
import type { Detection, Point2 } from './types';

/**
 * MediaPipe's WEIGHTED non-max suppression: take the best remaining detection, gather every remaining
 * one overlapping it by more than `iouThreshold`, and replace the group by its score-weighted mean box
 * and keypoints (keeping the best score). BlazeFace fires on many neighbouring anchors, and averaging
 * them steadies the box more than hard NMS does. Returns at most `maxCount`, best first.
 */
export function weightedNonMaxSuppression(detections: readonly Detection[], iouThreshold: number, maxCount: number): Detection[] {
  let remaining = [...detections].sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  while (remaining.length > 0 && kept.length < maxCount) {
    const best = remaining[0];
    const group: Detection[] = [];
    const rest: Detection[] = [];
    for (const d of remaining) (intersectionOverUnion(best.box, d.box) > iouThreshold || d === best ? group : rest).push(d);
    kept.push(weightedMean(group, best.score));
    remaining = rest;
  }
  return kept;
}

function weightedMean(group: readonly Detection[], score: number): Detection {
  const total = group.reduce((s, d) => s + d.score, 0);
  const mean = (pick: (d: Detection) => number) => group.reduce((s, d) => s + pick(d) * d.score, 0) / total;
  const keypoints: Point2[] = group[0].keypoints.map((_, k) => [mean((d) => d.keypoints[k][0]), mean((d) => d.keypoints[k][1])]);
  return {
    box: { xMin: mean((d) => d.box.xMin), yMin: mean((d) => d.box.yMin), xMax: mean((d) => d.box.xMax), yMax: mean((d) => d.box.yMax) },
    keypoints,
    score,
  };
}
