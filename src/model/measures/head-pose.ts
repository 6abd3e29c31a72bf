/**
 * Head pose yaw / pitch / roll in degrees from the 468-point mesh (ISO/IEC 29794-5 §7.4.10; OFIQ
 * HeadPose.cpp scores each angle 100 · max(0, cos θ)²). OFIQ fits a 3DDFA network; here the face's own
 * mesh axes give the angles.
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import type { Point3 } from '../face/types';
import { clampScore } from './ofiq-mapping';

/** Head rotation in degrees; 0/0/0 faces the camera squarely. */
export interface HeadPose {
  /** Turn left/right: positive when the face turns towards the image's right side. */
  yaw: number;
  /** Nod: positive when the chin comes up (looking above the camera). */
  pitch: number;
  /** Tilt of the eye line: positive when it slopes down towards the image's right. */
  roll: number;
}

/** Canonical MediaPipe face-mesh indices the pose is read from. */
export const HEAD_POSE_LANDMARKS = {
  /** Outer eye corners: the subject's right (image left) and left. */
  rightEyeOuter: 33,
  leftEyeOuter: 263,
  /** Top of the forehead and the chin. */
  foreheadTop: 10,
  chin: 152,
} as const;

export const HEAD_POSE_CONFIG = {
  /**
   * The raw pitch of a face looking straight at the camera: in the mesh the chin sits further back than
   * the top of the forehead, so the four-point axes lean. −9° is the median over the 645 `good` faces of the
   * face-quality set (scripts/measure-readiness.ts, docs/workflow.md); pitch is reported relative to it.
   */
  neutralPitch: -9,
} as const;

type Vec = [number, number, number];
const sub = (a: Point3, b: Point3): Vec => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: Vec, b: Vec): Vec => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const degrees = (radians: number) => (radians * 180) / Math.PI;

/**
 * Head pose from the 468-point mesh (x right, y down, z away from the camera, all in pixels): the
 * face's across axis runs between the outer eye corners, its down axis from forehead to chin, and
 * their cross product is the direction the face looks away from. Uses four stable points rather than
 * a PnP fit to a 3-D model, which is enough to tell "facing the camera" from "turned away". Pitch is
 * relative to a typical face looking at the camera (HEAD_POSE_CONFIG.neutralPitch).
 */
export function headPose(mesh: readonly Point3[], config: { neutralPitch: number } = HEAD_POSE_CONFIG): HeadPose {
  const { rightEyeOuter, leftEyeOuter, foreheadTop, chin } = HEAD_POSE_LANDMARKS;
  const across = sub(mesh[leftEyeOuter], mesh[rightEyeOuter]);
  const down = sub(mesh[chin], mesh[foreheadTop]);
  // Points into the screen for a frontal face (z grows away from the camera).
  const [nx, ny, nz] = cross(across, down);
  return {
    yaw: degrees(Math.atan2(-nx, nz)),
    pitch: degrees(Math.atan2(ny, Math.hypot(nx, nz))) - config.neutralPitch,
    roll: degrees(Math.atan2(across[1], across[0])),
  };
}

/** OFIQ's pose component: 100 · max(0, cos θ)². */
function poseScore(degreesOff: number): number {
  return clampScore(100 * Math.max(0, Math.cos((degreesOff * Math.PI) / 180)) ** 2);
}

export function poseMeasures(mesh: readonly Point3[]): { yaw: MeasureValue; pitch: MeasureValue; roll: MeasureValue } {
  const pose = headPose(mesh);
  return {
    yaw: { raw: pose.yaw, score: poseScore(pose.yaw) },
    pitch: { raw: pose.pitch, score: poseScore(pose.pitch) },
    roll: { raw: pose.roll, score: poseScore(pose.roll) },
  };
}
