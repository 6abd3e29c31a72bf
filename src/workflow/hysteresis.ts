/**
 * A generic stable-value smoother for what the user sees (the ready flag, the first hint): a new value
 * is shown only once it has been observed in every frame for at least `holdMs`, so a single odd frame
 * never flickers the verdict. Timestamps are the frames' capture times (ms); a timestamp earlier than
 * the current run (a new stream) restarts from the initial value.
 */
export const DEFAULT_HOLD_MS = 500;

export interface Stable<T> {
  /** The value shown. */
  shown: T;
  /** The latest observed value and since when it has been observed without interruption (null: nothing observed yet). */
  candidate: T;
  candidateSince: number | null;
  /** What `shown` restarts from. */
  initial: T;
}

export function initialStable<T>(initial: T): Stable<T> {
  return { shown: initial, candidate: initial, candidateSince: null, initial };
}

export function updateStable<T>(previous: Stable<T>, observed: T, at: number, holdMs: number = DEFAULT_HOLD_MS, equals: (a: T, b: T) => boolean = Object.is): Stable<T> {
  const prev = previous.candidateSince !== null && at < previous.candidateSince ? initialStable(previous.initial) : previous;
  const sameRun = prev.candidateSince !== null && equals(observed, prev.candidate);
  const candidateSince = sameRun ? prev.candidateSince! : at;
  const shown = !equals(observed, prev.shown) && at - candidateSince >= holdMs ? observed : prev.shown;
  return { shown, candidate: observed, candidateSince, initial: prev.initial };
}

/**
 * The shown "ready" flag: it appears only after the hold, like any stable value, but with
 * `revokeAtOnce` a frame that is not ready takes it back immediately (the UV profile).
 */
export function updateShownReady(previous: Stable<boolean>, ready: boolean, at: number, revokeAtOnce: boolean): Stable<boolean> {
  const next = updateStable(previous, ready, at);
  return revokeAtOnce && !ready ? { ...next, shown: false } : next;
}
