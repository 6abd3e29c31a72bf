import { describe, expect, it } from 'vitest';
import { computeIntegralImages } from '../../../src/model/eyes/integral-image';
import { windowVarianceNorm } from '../../../src/model/eyes/window-variance-norm';
import { grayFromRows } from './haar-fixtures';

const halves = (lo: number, hi: number) => Array.from({ length: 6 }, () => [lo, lo, lo, hi, hi, hi]);

describe('windowVarianceNorm', () => {
  it('normalises over the window shrunk by one pixel: 1/sqrt(area·Σx² − (Σx)²) (by hand)', () => {
    // padded by one column and row so that (0,0) is inside OpenCV's strict bound x + w < width + 1
    const rows = [...halves(0, 200).map((r) => [...r, 0]), new Array(7).fill(0)];
    const ii = computeIntegralImages(grayFromRows(rows), false);
    // inner 4×4: 8 pixels of 0, 8 of 200 → Σ = 1600, Σ² = 320000, nf = 16·320000 − 1600² = 2560000
    expect(windowVarianceNorm(ii, 0, 0, 6, 6)).toBe(Math.fround(1 / 1600));
  });

  it('rejects flat and low-contrast windows (std ≤ 10) and windows touching the far edge', () => {
    const pad = (rows: number[][]) => [...rows.map((r) => [...r, 0]), new Array(7).fill(0)];
    expect(windowVarianceNorm(computeIntegralImages(grayFromRows(pad(halves(90, 90))), false), 0, 0, 6, 6)).toBeNull();
    // halves differing by 20 → std exactly 10 → area·factor = 0.1, rejected
    expect(windowVarianceNorm(computeIntegralImages(grayFromRows(pad(halves(90, 110))), false), 0, 0, 6, 6)).toBeNull();
    expect(windowVarianceNorm(computeIntegralImages(grayFromRows(pad(halves(90, 112))), false), 0, 0, 6, 6)).not.toBeNull();
    // unpadded 6×6 image: OpenCV requires x + 6 < 7 is fine but 6 ≥ 6+1 is not — (0,0) is accepted, (1,0) is not
    const tight = computeIntegralImages(grayFromRows(halves(0, 200)), false);
    expect(windowVarianceNorm(tight, 0, 0, 6, 6)).not.toBeNull();
    expect(windowVarianceNorm(tight, 1, 0, 6, 6)).toBeNull();
  });
});
