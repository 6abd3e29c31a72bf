import { EYE_STATE_HOLD_MS } from './constants';
import type { EyeState } from './fuse-eye-state';

export interface SmoothedEyeState {
  /** The state reported to the user: changes only after a new state has held for holdMs. */
  stable: EyeState;
  /** Since when `stable` has been reported (ms), or null before the first stable state. */
  stableSinceMs: number | null;
  /** The latest per-frame state and since when it has been observed without interruption. */
  candidate: EyeState;
  candidateSinceMs: number | null;
}

export const INITIAL_SMOOTHED_EYE_STATE: SmoothedEyeState = {
  stable: 'uncertain',
  stableSinceMs: null,
  candidate: 'uncertain',
  candidateSinceMs: null,
};

/**
 * Pure state machine over per-frame eye states: "open" or "closed" becomes the reported state only
 * once it has been observed in every frame for at least holdMs, so a blink (≈100–300 ms) never reads
 * as closure and a flicker open never ends one. An "uncertain" frame interrupts the run; the reported
 * state stays as it was. Timestamps going backwards (a new stream) restart from the initial state.
 */
export function smoothEyeState(
  previous: SmoothedEyeState,
  observed: EyeState,
  timestampMs: number,
  holdMs: number = EYE_STATE_HOLD_MS,
): SmoothedEyeState {
  const prev = previous.candidateSinceMs !== null && timestampMs < previous.candidateSinceMs ? INITIAL_SMOOTHED_EYE_STATE : previous;
  const sameRun = observed === prev.candidate && prev.candidateSinceMs !== null;
  const candidateSinceMs = sameRun ? prev.candidateSinceMs! : timestampMs;
  const next: SmoothedEyeState = { ...prev, candidate: observed, candidateSinceMs };
  if (observed !== 'uncertain' && observed !== prev.stable && timestampMs - candidateSinceMs >= holdMs) {
    next.stable = observed;
    next.stableSinceMs = timestampMs;
  }
  return next;
}
