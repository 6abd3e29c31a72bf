import { describe, expect, it } from 'vitest';
import { cascadeScales } from '../../../src/model/eyes/cascade-scales';

describe('cascadeScales', () => {
  it('multiplies by scaleFactor until the rounded window exceeds the image, as float32', () => {
    const scales = cascadeScales(30, 40, 20, 20, { scaleFactor: 1.2, minSize: 0, maxSize: 0 });
    // windows 20, 24, 28.8→29; 34.56→35 > 30 stops
    expect(scales).toEqual([1, Math.fround(1.2), Math.fround(1.44)]);
  });

  it('skips scales below minSize and stops above maxSize', () => {
    const scales = cascadeScales(100, 100, 20, 20, { scaleFactor: 1.5, minSize: 30, maxSize: 50 });
    // windows 20 (skip), 30, 45, 67.5 (> 50 stop)
    expect(scales).toEqual([Math.fround(1.5), Math.fround(2.25)]);
  });

  it('rejects scaleFactor ≤ 1', () => {
    expect(() => cascadeScales(10, 10, 5, 5, { scaleFactor: 1, minSize: 0, maxSize: 0 })).toThrow();
  });
});
