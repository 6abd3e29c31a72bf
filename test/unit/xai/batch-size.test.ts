import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../src/image';
import { measureFastestBatchSize } from '../../../src/xai/model';

describe('measureFastestBatchSize', () => {
  it('returns the candidate with the lowest time per image', async () => {
    const seen = new Set<number>();
    // cost per call = 20 ms + 10 ms per image above 4: per image 20, 5 and 8.75 ms for 1, 4 and 16 (wide margins: wall time)
    const predict = async (images: readonly RgbaImage[]) => {
      seen.add(images.length);
      const start = performance.now();
      while (performance.now() - start < 20 + Math.max(0, images.length - 4) * 10);
      return new Float32Array(images.length);
    };
    const image = { width: 1, height: 1, data: new Uint8ClampedArray(4) };
    const { batchSize, msPerImage } = await measureFastestBatchSize(predict, image, [1, 4, 16], 16);
    expect([...seen].sort((a, b) => a - b)).toEqual([1, 4, 16]);
    expect(batchSize).toBe(4);
    expect(msPerImage[1]).toBeGreaterThan(msPerImage[4]);
  });
});
