import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../src/image';
import { warpSimilarity } from '../../../src/export/warp-similarity';

/** A w×h image whose red channel is x·10 and green y·10, so every pixel says where it came from. */
function coordinateImage(width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([x * 10, y * 10, 7, 255], (y * width + x) * 4);
  return { width, height, data };
}
const px = (image: RgbaImage, x: number, y: number) => [...image.data.slice((y * image.width + x) * 4, (y * image.width + x) * 4 + 4)];
const BLACK = [0, 0, 0, 255] as const;

describe('warpSimilarity', () => {
  it('is the identity for the identity transform', () => {
    const source = coordinateImage(8, 6);
    const { image, coverage } = warpSimilarity(source, { a: 1, b: 0, tx: 0, ty: 0 }, 8, 6, BLACK);
    expect([...image.data]).toEqual([...source.data]);
    expect(coverage).toBe(1);
  });

  it('shifts by whole pixels exactly and fills what lies outside with the background', () => {
    const source = coordinateImage(8, 6);
    const { image, coverage } = warpSimilarity(source, { a: 1, b: 0, tx: 2, ty: 1 }, 8, 6, BLACK);
    expect(px(image, 2, 1)).toEqual(px(source, 0, 0));
    expect(px(image, 7, 5)).toEqual(px(source, 5, 4));
    expect(px(image, 0, 0)).toEqual([...BLACK]);
    expect(px(image, 1, 3)).toEqual([...BLACK]);
    expect(coverage).toBeCloseTo((6 * 5) / (8 * 6), 9);
  });

  it('interpolates bilinearly between pixel centres', () => {
    const source = coordinateImage(8, 6);
    // Output pixel u samples source x = (u + 0.5) / 2 − 0.5 in pixel-index space: half-way cases.
    const { image } = warpSimilarity(source, { a: 2, b: 0, tx: 0, ty: 0 }, 16, 12, BLACK);
    // u = 4 → x = 1.75 → red 17.5; v = 6 → y = 2.75 → green 27.5.
    const [r, g] = px(image, 4, 6);
    expect(r).toBe(18);
    expect(g).toBe(28);
  });

  it('rotates by 90° about the centre', () => {
    const source = coordinateImage(4, 4);
    // x' = −y + 4, y' = x: a quarter turn mapping the 4×4 square onto itself.
    const { image, coverage } = warpSimilarity(source, { a: 0, b: 1, tx: 4, ty: 0 }, 4, 4, BLACK);
    expect(coverage).toBe(1);
    // Source pixel (x=1, y=0) (centre 1.5, 0.5) lands at (3.5, 1.5) = output pixel (3, 1).
    expect(px(image, 3, 1)).toEqual(px(source, 1, 0));
    expect(px(image, 0, 3)).toEqual(px(source, 3, 3));
  });
});
