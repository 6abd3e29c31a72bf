import { describe, expect, it } from 'vitest';
import { decodeDetections } from '../../../src/model/face/calculators/decode-detections';
import type { Point2 } from '../../../src/model/face/calculators/types';

const options = { numKeypoints: 1, minScore: 0.5, scoreClip: 100 };

describe('decodeDetections', () => {
  it('offsets box centre and keypoints from the anchor, keeps size, applies the sigmoid', () => {
    const anchors: Point2[] = [[10, 20], [30, 40]];
    // rows: [dx, dy, w, h, kpx, kpy]
    const rows = [1, 2, 8, 4, -3, 5, 0, 0, 2, 2, 0, 0];
    const logits = [0, -5]; // sigmoid 0.5 (kept: >= minScore), ~0.007 (dropped)
    const [d, ...rest] = decodeDetections(rows, logits, anchors, options);
    expect(rest).toHaveLength(0);
    expect(d.score).toBeCloseTo(0.5);
    expect(d.box).toEqual({ xMin: 7, yMin: 20, xMax: 15, yMax: 24 });
    expect(d.keypoints).toEqual([[7, 25]]);
  });

  it('clips logits so huge values do not overflow', () => {
    const [d] = decodeDetections([0, 0, 1, 1, 0, 0], [1e6], [[0, 0]], { ...options, scoreClip: 2 });
    expect(d.score).toBeCloseTo(1 / (1 + Math.exp(-2)));
  });

  it('rejects outputs that do not match the anchors', () => {
    expect(() => decodeDetections([0, 0, 1], [0], [[0, 0]], options)).toThrow(/expected 1 rows of 6/);
  });
});
