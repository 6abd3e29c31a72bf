import type { EyeStateConfig } from './constants';

export type EyeState = 'open' | 'closed' | 'uncertain';

export interface EyeEvidence {
  /** Eye aspect ratio from the mesh; null when the eye could not be measured. */
  ear: number | null;
  /** Cascade detections in the eye region; null when the cascade did not run (eye too small). */
  haarHits: number | null;
}

export interface FusedEye {
  state: EyeState;
  /** EAR + haarBonus·[cascade fired]; null without an EAR. */
  score: number | null;
}

type FusionThresholds = Pick<EyeStateConfig, 'haarBonus' | 'fusedThreshold' | 'uncertainMargin'>;

/**
 * One eye: the landmark opening, raised by a calibrated bonus when the (open-eye) cascade fires in
 * its region, against a calibrated threshold; too close to the threshold to call is "uncertain".
 */
export function fuseEye(evidence: EyeEvidence, t: FusionThresholds): FusedEye {
  if (evidence.ear === null) return { state: 'uncertain', score: null };
  const score = evidence.ear + ((evidence.haarHits ?? 0) > 0 ? t.haarBonus : 0);
  return { state: stateOfScore(score, t), score };
}

/** Both eyes: the mean of the two scores, so that one eye's error is outvoted only by a clear other eye. */
export function fuseFace(right: FusedEye, left: FusedEye, t: FusionThresholds): FusedEye {
  const scores = [right.score, left.score].filter((s): s is number => s !== null);
  if (scores.length === 0) return { state: 'uncertain', score: null };
  const score = scores.reduce((a, b) => a + b, 0) / scores.length;
  return { state: stateOfScore(score, t), score };
}

function stateOfScore(score: number, t: FusionThresholds): EyeState {
  if (Math.abs(score - t.fusedThreshold) < t.uncertainMargin) return 'uncertain';
  return score >= t.fusedThreshold ? 'open' : 'closed';
}
