import { describe, expect, it } from 'vitest';
import { rgbaToGray } from '../../../src/model/eyes/rgba-to-gray';

describe('rgbaToGray', () => {
  it('uses OpenCV 4.x 15-bit fixed-point coefficients and ignores alpha', () => {
    const data = new Uint8ClampedArray([255, 0, 0, 7, 0, 255, 0, 255, 0, 0, 255, 0, 255, 255, 255, 255, 10, 20, 30, 0]);
    const gray = rgbaToGray({ width: 5, height: 1, data });
    // (v·coef + 16384) >> 15 with R 9798, G 19235, B 3735
    expect(Array.from(gray.data)).toEqual([76, 150, 29, 255, 18]);
  });
});
