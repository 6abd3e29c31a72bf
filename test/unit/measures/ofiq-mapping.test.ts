import { describe, expect, it } from 'vitest';
import { clampScore, sigmoid, sigmoidScore } from '../../../src/model/measures/ofiq-mapping';
import { singleFace } from '../../../src/model/measures/single-face';
import { dynamicRange } from '../../../src/model/measures/dynamic-range';

describe('OFIQ score mapping', () => {
  it('is OFIQ\'s h·(a + s·σ((x − x0)/w)), rounded and clamped', () => {
    expect(sigmoid(0.3, 0.3, 0.05)).toBe(0.5);
    // under-exposure: all dark → ≈ 0, none dark → 100 (OFIQ's defaults)
    const under = { h: 120, a: 0.832, s: -1, x0: 0.92, w: 0.05 };
    expect(sigmoidScore(0, under)).toBe(100);
    expect(sigmoidScore(0.92, under)).toBe(40);
    expect(sigmoidScore(1, under)).toBe(0);
    expect(clampScore(-3)).toBe(0);
    expect(clampScore(Number.NaN)).toBe(0);
  });
  it('single face: the second face\'s area over the first\'s', () => {
    const box = (s: number) => ({ box: { x: 0, y: 0, width: s, height: s } });
    expect(singleFace([box(10)])).toEqual({ raw: 0, score: 100 });
    expect(singleFace([box(5), box(10)])).toEqual({ raw: 0.25, score: 75 });
    expect(singleFace([])).toBeUndefined();
  });
  it('dynamic range: 8 bits for a flat histogram, 0 for one level', () => {
    expect(dynamicRange(new Float64Array(256).fill(1 / 256))).toEqual({ raw: 8, score: 100 });
    const one = new Float64Array(256);
    one[100] = 1;
    expect(dynamicRange(one).score).toBe(0);
  });
});
