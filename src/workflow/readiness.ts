/**
 * One frame against one profile: every check the profile asks for, with its value and threshold, the
 * hints of the failed ones (root cause first), whether the frame is ready, and its quality score.
 * The image-quality check follows the fused verdict (classifier and measures together); each quality
 * measure the profile bands is a check of its own. The live overlay passes the smoothed eye state and
 * the recent face boxes; a still image passes the frame's own eye state and no track.
 */
import type { Box, Point3 } from '../model/face/types';
import type { EyeState } from '../model/eyes/fuse-eye-state';
import { largestFace } from '../model/measures/largest-face';
import type { FusedVerdict, QualitySummary } from '../protocol/messages';
import type { MeasureId, QualityMeasures } from '../protocol/quality-measures';
import { EYE_HINTS, eyesAsWanted } from './eye-check';
import { faceMotion, type TrackedBox } from './face-motion';
import { faceOffset, isCentred } from './face-centring';
import { lightHint, sizeHint } from './frame-hints';
import { headPose } from './head-pose';
import { measureChecks, roundTo } from './measure-checks';
import { DEFAULT_PROFILE_CONFIGS, type ProfileConfig } from './profiles';
import { qualityCheck } from './quality-hint';
import { HINT_IDS, type CheckId, type CheckResult, type HintId, type ProfileId, type Readiness } from './types';

export interface ReadinessInput {
  width: number;
  height: number;
  faces: readonly { box: Box; mesh: readonly Point3[]; luminance: number | null }[];
  /** The classifier's verdict on the largest face (its probabilities weigh the score and the glasses check). */
  quality: QualitySummary;
  /** The verdict FaceReady gives: the classifier's, confirmed or overridden by the measures. */
  verdict: FusedVerdict;
  /**
   * The quality measures of the largest face. Null when the frame carries none (no face, or an engine
   * that computes none): the measure checks are then left out and the box-based checks stand.
   */
  measures: QualityMeasures | null;
  /** Eye state of the largest face (smoothed for live video); null when it was not computed. */
  eyeState: EyeState | null;
  /** Recent face boxes of the stream, oldest first, this frame's last; absent for a still image. */
  track?: readonly TrackedBox[];
}

/** The box-based checks a measure refines: where the profile bands one of these measures and the frame has it, the measure decides. */
const REFINED_BY: Partial<Record<CheckId, readonly MeasureId[]>> = {
  'face-size': ['inter-eye-distance', 'head-size'],
  centring: ['crop-left', 'crop-right', 'crop-top', 'crop-bottom'],
  pose: ['yaw', 'pitch', 'roll'],
};

const round = roundTo;
const check = (id: CheckId, passed: boolean | null, value: CheckResult['value'], threshold: string, hint: HintId | null): CheckResult => ({
  id,
  passed,
  value,
  score: null,
  threshold,
  hint: passed === false ? hint : null,
});

/** The verdict in a few words: its label, and what it rests on ("blur from sharpness", "good, classifier 0.93"). */
function verdictValue(verdict: FusedVerdict, quality: QualitySummary): string {
  const evidence = verdict.evidence.map((e) => (e === 'classifier' ? `classifier ${quality.label} ${round(quality.confidence)}` : e));
  return `${verdict.label}${verdict.uncertain ? ' (uncertain)' : ''}, from ${evidence.join(', ')}`;
}

export function assessReadiness(profile: ProfileId, input: ReadinessInput, config: ProfileConfig = DEFAULT_PROFILE_CONFIGS[profile]): Readiness {
  const face = largestFace(input.faces);
  const quality = qualityCheck(input.verdict);
  const measures = face ? input.measures : null;
  const refined = (id: CheckId) => REFINED_BY[id]?.some((m) => config.measures[m] !== undefined && measures?.[m] !== undefined) ?? false;
  const checks: CheckResult[] = [
    check('face', face !== null, input.faces.length, '≥ 1 face', 'show-face'),
    // Without a face the verdict is on the whole frame: its objection (blur, cover…) is not about a face.
    check('quality', face ? quality.passed : false, verdictValue(input.verdict, input.quality), 'good, confident', face ? quality.hint : null),
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
  if (config.faceSize && !refined('face-size')) {
    const { minFaceHeightRatio, maxFaceHeightRatio } = config.faceSize;
    const threshold = `face height ${minFaceHeightRatio}–${maxFaceHeightRatio} of frame`;
    if (!face) checks.push(unmeasured('face-size', threshold));
    else {
      const hint = sizeHint(face.box.height, input.height, config.faceSize);
      checks.push(check('face-size', hint === 'ok', round(face.box.height / input.height), threshold, hint === 'ok' ? null : hint));
    }
  }
  if (config.centring && !refined('centring')) {
    const threshold = `|x| ≤ ${config.centring.x}, |y| ≤ ${config.centring.y} of frame from centre`;
    if (!face) checks.push(unmeasured('centring', threshold));
    else {
      const offset = faceOffset(face.box, input);
      checks.push(check('centring', isCentred(offset, config.centring), `x ${round(offset.x)}, y ${round(offset.y)}`, threshold, 'centre-face'));
    }
  }
  if (config.pose && !refined('pose')) {
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
    // Eye state is only judged on a face the verdict calls confidently good (as in the paper).
    const passed = face && quality.passed && input.eyeState ? eyesAsWanted(input.eyeState, config.eyes) : null;
    checks.push(check('eyes', passed, input.eyeState, `eyes ${config.eyes}`, EYE_HINTS[config.eyes]));
  }
  if (face && measures) checks.push(...measureChecks(config.measures, measures, { luminance: face.luminance, heightRatio: face.box.height / input.height }));

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
