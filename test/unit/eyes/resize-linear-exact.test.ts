import { describe, expect, it } from 'vitest';
import { resizeLinearExact } from '../../../src/model/eyes/resize-linear-exact';
import { grayFromRows } from './haar-fixtures';

describe('resizeLinearExact', () => {
  it('is the identity at the same size', () => {
    const src = grayFromRows([[1, 2, 3], [40, 50, 60]]);
    expect(Array.from(resizeLinearExact(src, 3, 2).data)).toEqual([1, 2, 3, 40, 50, 60]);
  });

  it('halves by averaging 2×2 blocks with round-half-up ((a+b+c+d+2)>>2)', () => {
    const src = grayFromRows([[0, 1, 10, 10], [1, 1, 10, 11], [200, 200, 0, 0], [200, 201, 0, 1]]);
    expect(Array.from(resizeLinearExact(src, 2, 2).data)).toEqual([1, 10, 200, 0]);
  });

  it('doubles with pixel-centre mapping, 1/256 weights and replicated borders (by hand)', () => {
    // dst x: 0 → border (src 0); 1 → 0.25 → 192·a + 64·b; 2 → 0.75 → 64·a + 192·b; 3 → border (src 1)
    const out = resizeLinearExact(grayFromRows([[0, 100]]), 4, 1);
    // (100·64·256 + 32768) >> 16 = 25; (100·192·256 + 32768) >> 16 = 75
    expect(Array.from(out.data)).toEqual([0, 25, 75, 100]);
  });

  it('downscales by a non-integer factor with the same fixed-point taps', () => {
    // 5 → 3: scale 5/3; dst 1 → f = 2, exact tap on src 2; dst 0 → f = 1/3 → weight round(85.33) = 85
    const out = resizeLinearExact(grayFromRows([[0, 30, 60, 90, 120]]), 3, 1);
    expect(out.data[1]).toBe(60);
    expect(out.data[0]).toBe((((0 * 171 + 30 * 85) * 256 + 32768) >> 16));
  });
});
