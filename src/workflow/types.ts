/**
 * The vocabulary of FaceReady's workflows (issue 6), shared by the readiness rules (src/workflow),
 * the overlay, the still-image check and the export report. Plain serialisable data.
 */
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
 * order hints are given, most important first (issue 6): a face must be shown at all, then what the
 * classifier objects to, then light, distance, position, pose, other people, and the eyes last.
 */
export const HINT_IDS = [
  'show-face',
  'remove-glasses',
  'uncover-face',
  'hold-still',
  'more-light',
  'less-light',
  'move-closer',
  'move-back',
  'centre-face',
  'look-at-camera',
  'one-person',
  'close-eyes',
  'open-eyes',
] as const;
export type HintId = (typeof HINT_IDS)[number];

/** One readiness check on one frame: what was measured, against what, and what to do if it failed. */
export interface CheckResult {
  id: string;
  /** null when the check could not be measured on this frame (e.g. eye state before the face is `good`). */
  passed: boolean | null;
  value: number | string | null;
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
