import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../src/image';
import { extractRegion, eyeRegion } from '../../../src/model/eyes/eye-region';

/** An RGBA image whose gray levels are exactly `rows` (r = g = b). */
const rgbaFromGrayRows = (rows: number[][]): RgbaImage => ({
  width: rows[0].length,
  height: rows.length,
  data: Uint8ClampedArray.from(rows.flat().flatMap((v) => [v, v, v, 255])),
});

describe('eyeRegion / extractRegion', () => {
  it('centres an integer square on the eye', () => {
    expect(eyeRegion({ x: 10.4, y: 20.6 }, 8)).toEqual({ x: 6, y: 17, width: 8, height: 8 });
  });

  it('converts to gray and replicates borders outside the image, keeping pixels at the same size', () => {
    const image = rgbaFromGrayRows([[1, 2], [3, 4]]);
    expect(Array.from(extractRegion(image, { x: -1, y: 0, width: 3, height: 3 }, 3).data)).toEqual([1, 1, 2, 3, 3, 4, 3, 3, 4]);
  });

  it('resamples the cut to size × size', () => {
    const image = rgbaFromGrayRows([[0, 0, 100, 100], [0, 0, 100, 100], [0, 0, 100, 100], [0, 0, 100, 100]]);
    expect(Array.from(extractRegion(image, { x: 0, y: 0, width: 4, height: 4 }, 2).data)).toEqual([0, 100, 0, 100]);
  });
});
