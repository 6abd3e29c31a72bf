import type { Detection, Point2 } from './types';

export interface DecodeDetectionsOptions {
  numKeypoints: number;
  minScore: number;
  scoreClip: number;
}

/**
 * Turns BlazeFace's raw rows into detections in input pixels (MediaPipe TensorsToDetectionsCalculator
 * with x/y/w/h scale = input size, so offsets are already pixels). Row layout per anchor:
 * [dx, dy, w, h, kp0x, kp0y, …]; box centre and keypoints are offsets from the anchor centre.
 * Scores are sigmoid(clip(logit)); rows below `minScore` are dropped.
 */
export function decodeDetections(
  regressors: ArrayLike<number>,
  logits: ArrayLike<number>,
  anchors: readonly Point2[],
  options: DecodeDetectionsOptions,
): Detection[] {
  const rowLength = 4 + 2 * options.numKeypoints;
  if (regressors.length !== anchors.length * rowLength || logits.length !== anchors.length) {
    throw new Error(`decodeDetections: expected ${anchors.length} rows of ${rowLength}, got ${regressors.length} values and ${logits.length} scores`);
  }
  const detections: Detection[] = [];
  for (let i = 0; i < anchors.length; i++) {
    const logit = Math.max(-options.scoreClip, Math.min(options.scoreClip, logits[i]));
    const score = 1 / (1 + Math.exp(-logit));
    if (score < options.minScore) continue;
    const [ax, ay] = anchors[i];
    const o = i * rowLength;
    const cx = ax + regressors[o];
    const cy = ay + regressors[o + 1];
    const halfW = regressors[o + 2] / 2;
    const halfH = regressors[o + 3] / 2;
    const keypoints: Point2[] = [];
    for (let k = 0; k < options.numKeypoints; k++) {
      keypoints.push([ax + regressors[o + 4 + 2 * k], ay + regressors[o + 5 + 2 * k]]);
    }
    detections.push({ box: { xMin: cx - halfW, yMin: cy - halfH, xMax: cx + halfW, yMax: cy + halfH }, keypoints, score });
  }
  return detections;
}
