/**
 * One frame against one profile: every check the profile asks for, with its value and threshold, the
 * hints of the failed ones (most important first), whether the frame is ready, and its quality score.
 * The live overlay passes the smoothed eye state and the recent face boxes; a still image passes the
 * frame's own eye state and no track.
 */
import type { Box, Point3 } from '../model/face/types';
import type { EyeState } from '../model/eyes/fuse-eye-state';
import { largestFace } from '../model/measures/largest-face';
import type { QualitySummary } from '../protocol/messages';
import { EYE_HINTS, eyesAsWanted } from './eye-check';
import { faceMotion, type TrackedBox } from './face-motion';
import { faceOffset, isCentred } from './face-centring';
import { lightHint, sizeHint } from './frame-hints';
import { headPose } from './head-pose';
import { DEFAULT_PROFILE_CONFIGS, type ProfileConfig } from './profiles';
import { qualityCheck } from './quality-hint';
import { HINT_IDS, type CheckResult, type HintId, type ProfileId, type Readiness } from './types';

export interface ReadinessInput {
  width: number;
  height: number;
  faces: readonly { box: Box; mesh: readonly Point3[]; luminance: number | null }[];
  /** The classifier's verdict on the largest face. */
  quality: QualitySummary;
  /** Eye state of the largest face (smoothed for live video); null when it was not computed. */
  eyeState: EyeState | null;
  /** Recent face boxes of the stream, oldest first, this frame's last; absent for a still image. */
  track?: readonly TrackedBox[];
}

export const CHECK_IDS = ['face', 'quality', 'glasses', 'light', 'face-size', 'centring', 'pose', 'one-face', 'steadiness', 'eyes'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const check = (id: CheckId, passed: boolean | null, value: CheckResult['value'], threshold: string, hint: HintId | null): CheckResult => ({
  id,
  passed,
  value,
  threshold,
  hint: passed === false ? hint : null,
});

export function assessReadiness(profile: ProfileId, input: ReadinessInput, config: ProfileConfig = DEFAULT_PROFILE_CONFIGS[profile]): Readiness {
  const face = largestFace(input.faces);
  const quality = qualityCheck(input.quality);
  const checks: CheckResult[] = [
    check('face', face !== null, input.faces.length, '≥ 1 face', 'show-face'),
    // Without a face the verdict is on the whole frame: its objection (blur, cover…) is not about a face.
    check('quality', face ? quality.passed : false, `${input.quality.label}${input.quality.uncertain ? ' (uncertain)' : ''} ${round(input.quality.confidence)}`, 'good, confident', face ? quality.hint : null),
  ];
  const unmeasured = (id: CheckId, threshold: string) => check(id, null, null, threshold, null);

  if (config.maxGlassesProbability !== null) {
    const p = input.quality.probabilities.eyeglasses;
    checks.push(check('glasses', face ? p <= config.maxGlassesProbability : null, round(p), `P(eyeglasses) ≤ ${config.maxGlassesProbability}`, 'remove-glasses'));
  }
  if (config.light) {
    const { minLuminance, maxLuminance } = config.light;
    const threshold = `luma ${minLuminance}–${maxLuminance}`;
    if (face?.luminance == null) checks.push(unmeasured('light', threshold));
    else {
      const hint = lightHint(face.luminance, config.light);
      checks.push(check('light', hint === 'ok', round(face.luminance, 0), threshold, hint === 'ok' ? null : hint));
    }
  }
  if (config.faceSize) {
    const { minFaceHeightRatio, maxFaceHeightRatio } = config.faceSize;
    const threshold = `face height ${minFaceHeightRatio}–${maxFaceHeightRatio} of frame`;
    if (!face) checks.push(unmeasured('face-size', threshold));
    else {
      const hint = sizeHint(face.box.height, input.height, config.faceSize);
      checks.push(check('face-size', hint === 'ok', round(face.box.height / input.height), threshold, hint === 'ok' ? null : hint));
    }
  }
  if (config.centring) {
    const threshold = `|x| ≤ ${config.centring.x}, |y| ≤ ${config.centring.y} of frame from centre`;
    if (!face) checks.push(unmeasured('centring', threshold));
    else {
      const offset = faceOffset(face.box, input);
      checks.push(check('centring', isCentred(offset, config.centring), `x ${round(offset.x)}, y ${round(offset.y)}`, threshold, 'centre-face'));
    }
  }
  if (config.pose) {
    const { maxYaw, maxPitch, maxRoll } = config.pose;
    const threshold = `|yaw| ≤ ${maxYaw}°, |pitch| ≤ ${maxPitch}°, |roll| ≤ ${maxRoll}°`;
    if (!face) checks.push(unmeasured('pose', threshold));
    else {
      const pose = headPose(face.mesh);
      const frontal = Math.abs(pose.yaw) <= maxYaw && Math.abs(pose.pitch) <= maxPitch && Math.abs(pose.roll) <= maxRoll;
      checks.push(check('pose', frontal, `yaw ${round(pose.yaw, 0)}°, pitch ${round(pose.pitch, 0)}°, roll ${round(pose.roll, 0)}°`, threshold, 'look-at-camera'));
    }
  }
  if (config.oneFace) checks.push(check('one-face', input.faces.length === 1, input.faces.length, '= 1 face', input.faces.length > 1 ? 'one-person' : null));
  if (config.steadiness) {
    const { windowMs, maxMotion } = config.steadiness;
    const motion = face && input.track ? faceMotion(input.track, windowMs) : null;
    checks.push(check('steadiness', motion === null ? null : motion <= maxMotion, motion === null ? null : round(motion, 3), `moved ≤ ${maxMotion} face heights in ${windowMs} ms`, 'hold-still'));
  }
  if (config.eyes) {
    // Eye state is only computed on a confidently good face (as in the paper).
    const passed = face && quality.passed && input.eyeState ? eyesAsWanted(input.eyeState, config.eyes) : null;
    checks.push(check('eyes', passed, input.eyeState, `eyes ${config.eyes}`, EYE_HINTS[config.eyes]));
  }

  const failedHints = new Set(checks.flatMap((c) => (c.hint ? [c.hint] : [])));
  const passedCount = checks.filter((c) => c.passed === true).length;
  return {
    profile,
    ready: checks.every((c) => c.passed === true),
    checks,
    hints: HINT_IDS.filter((hint) => failedHints.has(hint)),
    // P(good) weighted by the share of checks passed: among ready frames (all passed) the clearest face wins.
    score: input.quality.probabilities.good * (passedCount / checks.length),
  };
}
