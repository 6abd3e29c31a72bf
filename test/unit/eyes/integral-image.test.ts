import { describe, expect, it } from 'vitest';
import { computeIntegralImages } from '../../../src/model/eyes/integral-image';
import { grayFromRows } from './haar-fixtures';

describe('computeIntegralImages', () => {
  it('computes sum and squared sum with a zero first row and column (by hand)', () => {
    const ii = computeIntegralImages(grayFromRows([[1, 2, 3], [4, 5, 6]]), false);
    expect(ii.stride).toBe(4);
    expect(Array.from(ii.sum)).toEqual([0, 0, 0, 0, 0, 1, 3, 6, 0, 5, 12, 21]);
    expect(Array.from(ii.sqsum)).toEqual([0, 0, 0, 0, 0, 1, 5, 14, 0, 17, 46, 91]);
    expect(ii.tilted).toBeUndefined();
  });

  it('matches the documented tilted definition Σ_{y<Y, |x−X+1| ≤ Y−y−1} I(x,y) on a random image', () => {
    const w = 7;
    const h = 5;
    let seed = 7;
    const rows = Array.from({ length: h }, () => Array.from({ length: w }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256));
    const ii = computeIntegralImages(grayFromRows(rows), true);
    for (let Y = 0; Y <= h; Y++) {
      for (let X = 0; X <= w; X++) {
        let expected = 0;
        for (let y = 0; y < Y; y++) for (let x = 0; x < w; x++) if (Math.abs(x - X + 1) <= Y - y - 1) expected += rows[y][x];
        expect(ii.tilted![Y * (w + 1) + X]).toBe(expected);
      }
    }
  });

  it('lets the squared sum wrap like CV_32S while window differences stay exact', () => {
    const size = 200; // 200·200·255² > 2³¹
    const ii = computeIntegralImages({ width: size, height: size, data: new Uint8Array(size * size).fill(255) }, false);
    const s = size + 1;
    const corner = (x: number, y: number) => ii.sqsum[y * s + x];
    const window = (corner(180, 180) - corner(200, 180) - corner(180, 200) + corner(200, 200)) >>> 0;
    expect(window).toBe(20 * 20 * 255 * 255);
    expect(corner(200, 200)).not.toBe(200 * 200 * 255 * 255);
  });
});
