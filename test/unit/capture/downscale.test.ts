import { describe, expect, it } from 'vitest';
import { fitWithin } from '../../../src/capture/downscale';

describe('fitWithin', () => {
  it('scales the longer side down to maxSide, keeping the aspect ratio', () => {
    expect(fitWithin(1280, 720, 640)).toEqual({ width: 640, height: 360 });
    expect(fitWithin(720, 1280, 640)).toEqual({ width: 360, height: 640 });
  });
  it('never upscales', () => {
    expect(fitWithin(320, 240, 640)).toEqual({ width: 320, height: 240 });
  });
  it('rejects empty frames', () => {
    expect(() => fitWithin(0, 480, 640)).toThrow(/no pixels/);
  });
});
