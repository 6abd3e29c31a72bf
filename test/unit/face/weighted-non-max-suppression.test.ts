import { describe, expect, it } from 'vitest';
import { intersectionOverUnion } from '../../../src/model/face/calculators/intersection-over-union';
import type { Detection } from '../../../src/model/face/calculators/types';
import { weightedNonMaxSuppression } from '../../../src/model/face/calculators/weighted-non-max-suppression';

const det = (x: number, y: number, size: number, score: number): Detection => ({
  box: { xMin: x, yMin: y, xMax: x + size, yMax: y + size },
  keypoints: [[x, y]],
  score,
});

describe('intersectionOverUnion', () => {
  it('is 1 for equal boxes, 0 for disjoint or touching ones, and the area ratio otherwise', () => {
    const a = det(0, 0, 10, 1).box;
    expect(intersectionOverUnion(a, a)).toBe(1);
    expect(intersectionOverUnion(a, det(10, 0, 10, 1).box)).toBe(0);
    expect(intersectionOverUnion(a, det(5, 0, 10, 1).box)).toBeCloseTo(50 / 150);
  });
});

describe('weightedNonMaxSuppression', () => {
  it('merges overlapping detections into their score-weighted mean, keeping the best score', () => {
    const [merged, ...rest] = weightedNonMaxSuppression([det(0, 0, 10, 0.6), det(2, 0, 10, 0.9)], 0.3, 5);
    expect(rest).toHaveLength(0);
    expect(merged.score).toBe(0.9);
    expect(merged.box.xMin).toBeCloseTo((0 * 0.6 + 2 * 0.9) / 1.5);
    expect(merged.keypoints[0][0]).toBeCloseTo((0 * 0.6 + 2 * 0.9) / 1.5);
  });

  it('keeps separate faces apart, best first, at most maxCount', () => {
    const input = [det(0, 0, 10, 0.7), det(50, 50, 10, 0.95), det(100, 0, 10, 0.8)];
    expect(weightedNonMaxSuppression(input, 0.3, 5).map((d) => d.score)).toEqual([0.95, 0.8, 0.7]);
    expect(weightedNonMaxSuppression(input, 0.3, 2).map((d) => d.score)).toEqual([0.95, 0.8]);
    expect(weightedNonMaxSuppression([], 0.3, 2)).toEqual([]);
  });

  it('does not merge boxes overlapping less than the threshold', () => {
    expect(weightedNonMaxSuppression([det(0, 0, 10, 0.9), det(7, 0, 10, 0.8)], 0.3, 5)).toHaveLength(2);
  });
});
