/**
 * The vocabulary of FaceReady's workflows (issue 6), shared by the readiness rules (src/workflow),
 * the overlay, the still-image check and the export report. Plain serialisable data.
 */
import type { MeasureId } from '../protocol/quality-measures';

export const PROFILE_IDS = ['uv', 'consult', 'id-photo'] as const;
/** UV skin-imaging prep (the paper's Fig. 1), a video consult, an ID-photo check. */
export type ProfileId = (typeof PROFILE_IDS)[number];

/**
 * Whose face is checked: the user's own camera ("self", a patient preparing) or someone else's
 * video ("other", the patient's incoming video in a doctor's consult). Hints are phrased for it.
 */
export type Audience = 'self' | 'other';

/**
 * One short, actionable instruction; the overlay words it per language and audience. Listed in the
 * order hints are given, ROOT CAUSE FIRST (issues 6 and 13): what spoils every other measurement
 * comes before what it spoils. Light first (a face in near darkness is noisy, blurred and called
 * `wrong` by the classifier, and more light fixes all three), then the video's own quality
 * (compression, focus, motion), then a face at all, what covers it, where it sits and how it is
 * turned, the scene around it (even light, natural colour, a plain background), other people, and
 * the expression (mouth, eyes) last.
 */
export const HINT_IDS = [
  'more-light',
  'less-light',
  'better-connection',
  'hold-still',
  'show-face',
  'remove-glasses',
  'uncover-face',
  'show-eyes',
  'move-closer',
  'move-back',
  'centre-face',
  'look-at-camera',
  'straighten-head',
  'even-light',
  'white-light',
  'plain-background',
  'one-person',
  'close-mouth',
  'close-eyes',
  'open-eyes',
] as const;
export type HintId = (typeof HINT_IDS)[number];

/** The checks FaceReady makes besides the quality measures (whose checks carry the measure's id). */
export const CHECK_IDS = ['face', 'quality', 'glasses', 'light', 'face-size', 'centring', 'pose', 'one-face', 'steadiness', 'eyes'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** One readiness check on one frame: what was measured, against what, and what to do if it failed. */
export interface CheckResult {
  /** A check of its own, or the quality measure the profile's band is on (src/workflow/measure-bands.ts). */
  id: CheckId | MeasureId;
  /** null when the check could not be measured on this frame (e.g. eye state before the face is `good`, a measure that is absent). */
  passed: boolean | null;
  /** The measured value; for a measure check, its raw value in the measure's own unit. */
  value: number | string | null;
  /** A measure check's 0–100 score (null when not measured); null for the other checks. */
  score: number | null;
  /** The rule in words/numbers, e.g. "≥ 0.20 of frame height" — recorded in the export report. */
  threshold: string;
  hint: HintId | null;
}

export interface Readiness {
  profile: ProfileId;
  ready: boolean;
  checks: CheckResult[];
  /** Hints of the failed checks, most important first. */
  hints: HintId[];
  /** 0–1 quality of this frame for the profile; the best frame of a ready window has the highest. */
  score: number;
}
