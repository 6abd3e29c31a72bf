import { describe, expect, it } from 'vitest';
import type { RotatedRect } from '../../../src/model/face/calculators/types';
import { boxFromMesh, boxInMesh, canFollow, FaceTrackStore, pointsInsideRoi, roiFromLandmarks, trackHolds, type FaceTrack } from '../../../src/model/face/face-tracking';
import type { Point3 } from '../../../src/model/face/types';

/** A stand-in mesh: 468 points on a w×h grid at (x, y), with the outer eye corners (33, 263) placed on a line turned by `angle`. */
function mesh(x: number, y: number, w: number, h: number, angle = 0): Point3[] {
  const points: Point3[] = Array.from({ length: 468 }, (_, i) => [x + ((i % 20) / 19) * w, y + (Math.floor(i / 20) / 23) * h, 0]);
  const [cx, cy, r] = [x + w / 2, y + h / 3, w / 4];
  points[33] = [cx - r * Math.cos(angle), cy - r * Math.sin(angle), 0];
  points[263] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle), 0];
  return points;
}

const track = (framesSinceDetection: number, faces = 1): FaceTrack => ({
  faces: Array.from({ length: faces }, () => ({ roi: roiFromLandmarks(mesh(0, 0, 100, 100)), boxInMesh: { centerX: 0, centerY: 0, width: 1, height: 1 }, detectorScore: 0.9 })),
  framesSinceDetection,
});

describe('roiFromLandmarks', () => {
  it('centres a square 1.5× the landmarks\' long side on their bounds, level with the eye corners', () => {
    const roi = roiFromLandmarks(mesh(100, 50, 80, 120));
    expect(roi).toMatchObject({ centerX: 140, centerY: 110, width: 180, height: 180 });
    expect(roi.angle).toBeCloseTo(0);
  });

  it('turns with the eye line (y down: clockwise is positive)', () => {
    expect(roiFromLandmarks(mesh(0, 0, 100, 100, 0.3)).angle).toBeCloseTo(0.3);
    expect(roiFromLandmarks(mesh(0, 0, 100, 100, -0.5)).angle).toBeCloseTo(-0.5);
  });
});

describe('the detector box carried with the mesh', () => {
  it('comes back unchanged on the mesh it was measured on', () => {
    const m = mesh(100, 50, 80, 120);
    const box = { x: 110, y: 70, width: 60, height: 70 };
    const back = boxFromMesh(boxInMesh(box, m), m);
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(back[key]).toBeCloseTo(box[key]);
  });

  it('moves and scales with the mesh', () => {
    const box = { x: 110, y: 70, width: 60, height: 70 };
    const relative = boxInMesh(box, mesh(100, 50, 80, 120));
    const moved = boxFromMesh(relative, mesh(200, 130, 160, 240));
    expect(moved.width).toBeCloseTo(120);
    expect(moved.height).toBeCloseTo(140);
    expect(moved.x).toBeCloseTo(200 + (110 - 100) * 2);
    expect(moved.y).toBeCloseTo(130 + (70 - 50) * 2);
  });
});

describe('pointsInsideRoi', () => {
  const roi: RotatedRect = { centerX: 50, centerY: 50, width: 40, height: 20, angle: 0 };
  it('checks against the rectangle', () => {
    expect(pointsInsideRoi([[35, 45, 0], [69, 59, 0]], roi)).toBe(true);
    expect(pointsInsideRoi([[35, 45, 0], [71, 50, 0]], roi)).toBe(false);
    expect(pointsInsideRoi([[50, 61, 0]], roi)).toBe(false);
  });
  it('turns the rectangle by its angle', () => {
    const upright = { ...roi, angle: Math.PI / 2 };
    expect(pointsInsideRoi([[50, 69, 0]], upright)).toBe(true);
    expect(pointsInsideRoi([[69, 50, 0]], upright)).toBe(false);
  });
});

describe('canFollow: when the detector may be skipped', () => {
  it('never without a track or with no face in it', () => {
    expect(canFollow(undefined, { redetectEvery: 10 })).toBe(false);
    expect(canFollow(track(0, 0), { redetectEvery: 10 })).toBe(false);
  });
  it('runs the detector every N frames', () => {
    const ran: number[] = [];
    let current: FaceTrack | undefined;
    for (let frame = 0; frame < 25; frame++) {
      const follow = canFollow(current, { redetectEvery: 10 });
      if (!follow) ran.push(frame);
      current = track(follow ? current!.framesSinceDetection + 1 : 0);
    }
    expect(ran).toEqual([0, 10, 20]);
  });
  it('never follows with redetectEvery 1', () => {
    expect(canFollow(track(0), { redetectEvery: 1 })).toBe(false);
  });
});

describe('trackHolds', () => {
  const face = (m: Point3[], meshScore = 0.95) => ({ mesh: m, meshScore, roi: roiFromLandmarks(mesh(0, 0, 100, 100)) });
  it('holds while the mesh is sure and inside its region', () => {
    expect(trackHolds([face(mesh(10, 10, 80, 80))], 0.5, 0.3)).toBe(true);
  });
  it('is lost when the mesh is unsure', () => {
    expect(trackHolds([face(mesh(10, 10, 80, 80), 0.4)], 0.5, 0.3)).toBe(false);
    expect(trackHolds([face(mesh(10, 10, 80, 80), Number.NaN)], 0.5, 0.3)).toBe(false);
  });
  it('is lost when the face leaves its region', () => {
    // the region spans -25..125 on both axes
    expect(trackHolds([face(mesh(60, 10, 80, 80))], 0.5, 0.3)).toBe(false);
  });
  it('is lost when two tracks sit on one face', () => {
    expect(trackHolds([face(mesh(10, 10, 80, 80)), face(mesh(14, 12, 80, 80))], 0.5, 0.3)).toBe(false);
    const apart = [face(mesh(0, 0, 40, 40)), { mesh: mesh(300, 0, 40, 40), meshScore: 0.9, roi: roiFromLandmarks(mesh(300, 0, 40, 40)) }];
    expect(trackHolds(apart, 0.5, 0.3)).toBe(true);
  });
});

describe('FaceTrackStore', () => {
  const config = { maxTrackGapMs: 1000, maxTrackedStreams: 2 };
  it('keeps a track per stream key', () => {
    const store = new FaceTrackStore(config);
    store.set('a', track(1), 0);
    store.set('b', track(2), 0);
    expect(store.get('a', 10)?.framesSinceDetection).toBe(1);
    expect(store.get('b', 10)?.framesSinceDetection).toBe(2);
    expect(store.get('c', 10)).toBeUndefined();
  });
  it('forgets a stream after a gap', () => {
    const store = new FaceTrackStore(config);
    store.set('a', track(1), 0);
    expect(store.get('a', 1000)).toBeDefined();
    expect(store.get('a', 1001)).toBeUndefined();
    expect(store.size).toBe(0);
  });
  it('forgets the least recently updated stream beyond the limit, and stale ones on the way', () => {
    const store = new FaceTrackStore(config);
    store.set('a', track(1), 0);
    store.set('b', track(1), 10);
    store.set('a', track(2), 20);
    store.set('c', track(1), 30);
    expect(store.get('b', 30)).toBeUndefined();
    expect(store.get('a', 30)).toBeDefined();
    store.set('d', track(1), 2000);
    expect(store.size).toBe(1);
  });
});
