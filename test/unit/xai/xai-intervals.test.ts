import { describe, expect, it } from 'vitest';
import { bootstrapMean, jaccard, pairedComparison, wilcoxonSignedRankP } from '../../../scripts/lib/xai/intervals';

describe('XAI report statistics', () => {
  it('Jaccard of top-k sets', () => {
    expect(jaccard([1, 2, 3, 4, 5], [1, 2, 3, 4, 5])).toBe(1);
    expect(jaccard([1, 2, 3, 4, 5], [4, 5, 6, 7, 8])).toBeCloseTo(2 / 8, 12);
    expect(jaccard([1, 2], [3])).toBe(0);
    expect(jaccard([], [])).toBe(1);
  });

  it('bootstrap interval brackets the mean, narrows with more data, is seeded', () => {
    const few = [0.1, 0.5, 0.3, 0.9, 0.2, 0.4];
    const a = bootstrapMean(few);
    expect(a.mean).toBeCloseTo(0.4, 12);
    expect(a.low).toBeLessThan(a.mean);
    expect(a.high).toBeGreaterThan(a.mean);
    expect(bootstrapMean(few)).toEqual(a);
    const many = bootstrapMean(Array.from({ length: 20 }, () => few).flat());
    expect(many.high - many.low).toBeLessThan((a.high - a.low) / 2);
    const constant = bootstrapMean([0.7, 0.7, 0.7]);
    for (const v of [constant.mean, constant.low, constant.high]) expect(v).toBeCloseTo(0.7, 12);
  });

  it('Wilcoxon signed-rank: textbook value, symmetric differences are not significant, one-sided shifts are', () => {
    // n = 10 differences, W+ = 5 (ranks 1 and 4 positive): exact two-sided p = 0.0195; the normal approximation with continuity ≈ 0.022
    const d = [0.5, -1.5, -2.5, 3.5, -4.5, -5.5, -6.5, -7.5, -8.5, -9.5];
    expect(wilcoxonSignedRankP(d)).toBeCloseTo(0.022, 2);
    expect(wilcoxonSignedRankP([1, -1, 2, -2, 3, -3])).toBeCloseTo(1, 6);
    expect(wilcoxonSignedRankP([0, 0])).toBe(1);
    const shifted = pairedComparison(Array.from({ length: 30 }, (_, i) => i / 30), Array.from({ length: 30 }, (_, i) => i / 30 + 0.1 + (i % 3) * 0.01));
    expect(shifted.wilcoxonP).toBeLessThan(1e-4);
    expect(shifted.difference.low).toBeGreaterThan(0);
  });
});
