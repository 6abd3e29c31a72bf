import { describe, expect, it } from 'vitest';
import { extendTrack, faceMotion, type TrackedBox } from '../../../src/workflow/face-motion';

const at = (capturedAt: number, x: number, height = 100): TrackedBox => ({ box: { x, y: 100, width: height, height }, capturedAt });

describe('faceMotion', () => {
  it('is null before there are two frames', () => {
    expect(faceMotion([], 1000)).toBeNull();
    expect(faceMotion([at(0, 100)], 1000)).toBeNull();
  });
  it('compares with the previous frame when the window holds no other (a slow machine)', () => {
    expect(faceMotion([at(0, 0), at(1500, 100), at(3000, 120)], 1000)).toBeCloseTo(0.2, 10);
  });
  it('is zero for a still face', () => {
    expect(faceMotion([at(0, 100), at(200, 100), at(400, 100)], 1000)).toBe(0);
  });
  it('is the largest centre distance from the latest frame, in face heights, within the window', () => {
    const track = [at(0, 0), at(600, 130), at(800, 110), at(1000, 100)];
    // The frame at 0 ms moved 100 px = 1 face height, but it is just inside the 1000 ms window.
    expect(faceMotion(track, 1000)).toBeCloseTo(1, 10);
    expect(faceMotion(track, 500)).toBeCloseTo(0.3, 10);
  });
  it('measures in units of the latest face height, so distance to the camera does not matter', () => {
    expect(faceMotion([at(0, 0, 200), at(100, 20, 200)], 1000)).toBeCloseTo(0.1, 10);
  });
});

describe('extendTrack', () => {
  it('appends and drops frames older than the window, but keeps the previous one', () => {
    expect(extendTrack([at(0, 1), at(100, 1), at(500, 2)], at(1200, 3), 1000).map((t) => t.capturedAt)).toEqual([500, 1200]);
    expect(extendTrack([at(0, 1), at(100, 1)], at(5000, 3), 1000).map((t) => t.capturedAt)).toEqual([100, 5000]);
  });
  it('restarts when timestamps go backwards (a new stream)', () => {
    expect(extendTrack([at(5000, 1), at(5200, 2)], at(100, 3), 1000).map((t) => t.capturedAt)).toEqual([100]);
  });
});
