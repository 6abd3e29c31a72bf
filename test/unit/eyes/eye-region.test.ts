import { describe, expect, it } from 'vitest';
import { extractRegion, eyeRegion } from '../../../src/model/eyes/eye-region';
import { grayFromRows } from './haar-fixtures';

describe('eyeRegion / extractRegion', () => {
  it('centres an integer square on the eye', () => {
    expect(eyeRegion({ x: 10.4, y: 20.6 }, 8)).toEqual({ x: 6, y: 17, width: 8, height: 8 });
  });

  it('replicates borders outside the image and keeps pixels at the same size', () => {
    const gray = grayFromRows([[1, 2], [3, 4]]);
    expect(Array.from(extractRegion(gray, { x: -1, y: 0, width: 3, height: 3 }, 3).data)).toEqual([1, 1, 2, 3, 3, 4, 3, 3, 4]);
  });

  it('resamples the cut to size × size', () => {
    const gray = grayFromRows([[0, 0, 100, 100], [0, 0, 100, 100], [0, 0, 100, 100], [0, 0, 100, 100]]);
    const out = extractRegion(gray, { x: 0, y: 0, width: 4, height: 4 }, 2);
    expect(Array.from(out.data)).toEqual([0, 100, 0, 100]);
  });
});
