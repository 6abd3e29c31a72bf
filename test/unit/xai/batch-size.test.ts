import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../src/image';
import { measureFastestBatchSize } from '../../../src/xai/model';

describe('measureFastestBatchSize', () => {
  it('returns the candidate with the lowest time per image', async () => {
    const seen = new Set<number>();
    // cost per call = 8 ms + 3 ms per image above 4: per image 8, 2 and 2.75 ms for 1, 4 and 16
    const predict = async (images: readonly RgbaImage[]) => {
      seen.add(images.length);
      const start = performance.now();
      while (performance.now() - start < 8 + Math.max(0, images.length - 4) * 3);
      return new Float32Array(images.length);
    };
    const image = { width: 1, height: 1, data: new Uint8ClampedArray(4) };
    const { batchSize, msPerImage } = await measureFastestBatchSize(predict, image, [1, 4, 16], 16);
    expect([...seen].sort((a, b) => a - b)).toEqual([1, 4, 16]);
    expect(batchSize).toBe(4);
    expect(msPerImage[1]).toBeGreaterThan(msPerImage[4]);
  });
});
