import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../src/image';
import { measureFastestBatchSize } from '../../../src/xai/model';

describe('measureFastestBatchSize', () => {
  it('returns the candidate with the lowest time per image', async () => {
    const seen = new Set<number>();
    // A simulated clock, so the machine's load cannot change the answer: each call costs 20 ms + 10 ms
    // per image above 4, i.e. per image 20, 5 and 8.75 ms for batches of 1, 4 and 16.
    let clock = 0;
    const predict = async (images: readonly RgbaImage[]) => {
      seen.add(images.length);
      clock += 20 + Math.max(0, images.length - 4) * 10;
      return new Float32Array(images.length);
    };
    const image = { width: 1, height: 1, data: new Uint8ClampedArray(4) };
    const { batchSize, msPerImage } = await measureFastestBatchSize(predict, image, [1, 4, 16], 16, () => clock);
    expect([...seen].sort((a, b) => a - b)).toEqual([1, 4, 16]);
    expect(batchSize).toBe(4);
    expect(msPerImage).toEqual({ 1: 20, 4: 5, 16: 8.75 });
  });
});
