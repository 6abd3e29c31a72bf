import { describe, expect, it } from 'vitest';
import type { Point3 } from '../../../src/model/face/types';
import { HEAD_POSE_CONFIG, HEAD_POSE_LANDMARKS, headPose as headPoseWithNeutral } from '../../../src/workflow/head-pose';

/** The geometry alone: the points below are an idealised face whose axes do not tilt. */
const headPose = (mesh: Point3[]) => headPoseWithNeutral(mesh, { neutralPitch: 0 });

type Rotate = (p: Point3) => Point3;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** A frontal face's four pose points (x right, y down, z away), rotated and placed at (320, 240). */
function mesh(rotate: Rotate = (p) => p): Point3[] {
  const points: Point3[] = Array.from({ length: 468 }, () => [0, 0, 0]);
  const face: [number, Point3][] = [
    [HEAD_POSE_LANDMARKS.rightEyeOuter, [-45, -20, 10]],
    [HEAD_POSE_LANDMARKS.leftEyeOuter, [45, -20, 10]],
    [HEAD_POSE_LANDMARKS.foreheadTop, [0, -90, 0]],
    [HEAD_POSE_LANDMARKS.chin, [0, 90, 0]],
  ];
  for (const [index, p] of face) {
    const [x, y, z] = rotate(p);
    points[index] = [320 + x, 240 + y, z];
  }
  return points;
}

/** Turns the face's outward direction (0,0,−1) towards +x by `deg`. */
const yawBy = (deg: number): Rotate => ([x, y, z]) => [x * Math.cos(rad(deg)) - z * Math.sin(rad(deg)), y, x * Math.sin(rad(deg)) + z * Math.cos(rad(deg))];
/** Turns the face's outward direction towards −y (up) by `deg`. */
const pitchBy = (deg: number): Rotate => ([x, y, z]) => [x, y * Math.cos(rad(deg)) + z * Math.sin(rad(deg)), -y * Math.sin(rad(deg)) + z * Math.cos(rad(deg))];
const rollBy = (deg: number): Rotate => ([x, y, z]) => [x * Math.cos(rad(deg)) - y * Math.sin(rad(deg)), x * Math.sin(rad(deg)) + y * Math.cos(rad(deg)), z];

describe('headPose', () => {
  it('is zero for a face looking straight at the camera', () => {
    const pose = headPose(mesh());
    expect(pose.yaw).toBeCloseTo(0, 6);
    expect(pose.pitch).toBeCloseTo(0, 6);
    expect(pose.roll).toBeCloseTo(0, 6);
  });
  it('reads a turn to the side as yaw, with its sign', () => {
    expect(headPose(mesh(yawBy(25))).yaw).toBeCloseTo(25, 4);
    expect(headPose(mesh(yawBy(-40))).yaw).toBeCloseTo(-40, 4);
    expect(headPose(mesh(yawBy(25))).pitch).toBeCloseTo(0, 4);
  });
  it('reads a nod as pitch, positive when the chin comes up', () => {
    expect(headPose(mesh(pitchBy(20))).pitch).toBeCloseTo(20, 4);
    expect(headPose(mesh(pitchBy(-15))).pitch).toBeCloseTo(-15, 4);
    expect(Math.abs(headPose(mesh(pitchBy(20))).yaw)).toBeLessThan(1e-6);
  });
  it('reads a tilt of the eye line as roll, and roll does not leak into yaw or pitch', () => {
    const pose = headPose(mesh(rollBy(12)));
    expect(pose.roll).toBeCloseTo(12, 4);
    expect(pose.yaw).toBeCloseTo(0, 4);
    expect(pose.pitch).toBeCloseTo(0, 4);
  });
  it('reports pitch relative to a typical face looking at the camera', () => {
    const raw = headPose(mesh(pitchBy(HEAD_POSE_CONFIG.neutralPitch))).pitch;
    expect(raw).toBeCloseTo(HEAD_POSE_CONFIG.neutralPitch, 4);
    expect(headPoseWithNeutral(mesh(pitchBy(HEAD_POSE_CONFIG.neutralPitch))).pitch).toBeCloseTo(0, 4);
  });
});
