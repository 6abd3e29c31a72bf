import { describe, expect, it } from 'vitest';
import { faceOffset, isCentred } from '../../../src/workflow/face-centring';

const frame = { width: 640, height: 480 };

describe('faceOffset / isCentred', () => {
  it('is zero for a face box centred in the frame', () => {
    expect(faceOffset({ x: 270, y: 190, width: 100, height: 100 }, frame)).toEqual({ x: 0, y: 0 });
  });
  it('is the offset of the box centre as a fraction of the frame, positive right and down', () => {
    const offset = faceOffset({ x: 0, y: 0, width: 64, height: 48 }, frame);
    expect(offset.x).toBeCloseTo(-0.45, 10);
    expect(offset.y).toBeCloseTo(-0.45, 10);
    expect(faceOffset({ x: 432, y: 312, width: 96, height: 96 }, frame)).toEqual({ x: 0.25, y: 0.25 });
  });
  it('accepts offsets up to the tolerance on each axis and nothing beyond', () => {
    expect(isCentred({ x: 0.15, y: -0.2 }, { x: 0.15, y: 0.2 })).toBe(true);
    expect(isCentred({ x: -0.16, y: 0 }, { x: 0.15, y: 0.2 })).toBe(false);
    expect(isCentred({ x: 0, y: 0.21 }, { x: 0.15, y: 0.2 })).toBe(false);
  });
});
