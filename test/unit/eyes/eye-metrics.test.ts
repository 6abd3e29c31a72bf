import { describe, expect, it } from 'vitest';
import { eyeMetrics, wilsonInterval } from '../../../scripts/lib/eyes/eye-metrics';
import { splitGroupKey, splitSide } from '../../../scripts/lib/eyes/eye-split';

describe('eyeMetrics', () => {
  it('builds the confusion matrix and counts uncertain as wrong (by hand)', () => {
    const m = eyeMetrics([
      { truth: 'open', predicted: 'open' },
      { truth: 'open', predicted: 'open' },
      { truth: 'open', predicted: 'uncertain' },
      { truth: 'closed', predicted: 'closed' },
      { truth: 'closed', predicted: 'open' },
    ]);
    expect(m.matrix).toEqual({ open: { open: 2, closed: 0, uncertain: 1 }, closed: { open: 1, closed: 1, uncertain: 0 } });
    expect(m.accuracy).toBeCloseTo(3 / 5, 12);
    expect(m.balancedAccuracy).toBeCloseTo((2 / 3 + 1 / 2) / 2, 12);
    // open: precision 2/3, recall 2/3 → F1 2/3; closed: precision 1/1, recall 1/2 → F1 2/3
    expect(m.f1Open).toBeCloseTo(2 / 3, 12);
    expect(m.f1Closed).toBeCloseTo(2 / 3, 12);
    expect(m.uncertainRate).toBeCloseTo(1 / 5, 12);
  });
});

describe('wilsonInterval', () => {
  it('matches published values and handles the edges', () => {
    // 0 of 60: the "rule of three" region, Wilson upper bound ≈ 0.0602
    const [lo0, hi0] = wilsonInterval(0, 60);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(0.0602, 3);
    // 81 of 263 (Wilson 1927 style example): ≈ [0.2553, 0.3662]
    const [lo, hi] = wilsonInterval(81, 263);
    expect(lo).toBeCloseTo(0.2553, 3);
    expect(hi).toBeCloseTo(0.3662, 3);
    expect(wilsonInterval(5, 5)[1]).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });
});

describe('eye split', () => {
  it('keeps CEW crops of one photo together and is deterministic', () => {
    expect(splitGroupKey('closed/cew__closed_eye_0002.jpg_face_2.jpg', 'abc')).toBe('cew__closed_eye_0002.jpg');
    expect(splitGroupKey('closed/cew__closed_eye_0002.jpg_face_1.jpg', 'def')).toBe('cew__closed_eye_0002.jpg');
    expect(splitGroupKey('open/utkface__face_1.jpg', 'abc')).toBe('abc');
    expect(splitSide('x', 0.5)).toBe(splitSide('x', 0.5));
    const sides = Array.from({ length: 1000 }, (_, i) => splitSide(`k${i}`, 0.5));
    const train = sides.filter((s) => s === 'train').length;
    expect(train).toBeGreaterThan(440);
    expect(train).toBeLessThan(560);
  });
});
