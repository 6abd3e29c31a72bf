/**
 * Best-frame selection over a ready window: while the profile is satisfied (the smoothed verdict the
 * user sees), keep the frame with the highest Readiness.score among the frames that are themselves
 * ready; when readiness is lost the best of that window stays on offer, and the next ready window
 * starts fresh. A change of context (another stream or profile) forgets it.
 *
 * Pure and generic over what a kept frame is (`F`, e.g. its pixels): the step asks for the payload
 * only when it keeps a frame, and hands back the payload it stops holding so the caller can release it.
 */
export interface BestFrame<F> {
  frameId: number;
  score: number;
  /** The ready window it was kept in. */
  window: number;
  frame: F;
}

export interface BestFrameState<F> {
  /** Whether a ready window is open (the last sample was in one). */
  windowOpen: boolean;
  /** Counts the ready windows so far; the open (or last) one has this number. */
  window: number;
  best: BestFrame<F> | null;
  /** What the window belongs to, e.g. `${streamId}|${profile}`. */
  context: string | null;
}

export interface ReadySample {
  frameId: number;
  /** The profile is shown as satisfied (smoothed over frames): the window is open. */
  inWindow: boolean;
  /** This frame itself satisfies the profile: it may be kept. */
  ready: boolean;
  score: number;
  context: string;
}

export const INITIAL_BEST_FRAME_STATE: BestFrameState<never> = { windowOpen: false, window: 0, best: null, context: null };

export interface BestFrameStep<F> {
  state: BestFrameState<F>;
  /** A payload no longer held (the replaced or forgotten best frame). */
  released: F | null;
}

/** `take` returns the sample's payload, or null when it is no longer available (then the best stays). */
export function stepBestFrame<F>(state: BestFrameState<F>, sample: ReadySample, take: () => F | null): BestFrameStep<F> {
  if (sample.context !== state.context) {
    const forgotten = stepBestFrame({ ...INITIAL_BEST_FRAME_STATE, window: state.window, context: sample.context }, sample, take);
    return { state: forgotten.state, released: state.best?.frame ?? null };
  }
  if (!sample.inWindow) return { state: { ...state, windowOpen: false }, released: null };
  const window = state.windowOpen ? state.window : state.window + 1;
  const { best } = state;
  // The first eligible frame of a window replaces the previous window's best, whatever its score.
  const better = !best || best.window !== window || sample.score > best.score;
  const frame = sample.ready && better ? take() : null;
  if (frame === null) return { state: { ...state, windowOpen: true, window }, released: null };
  return { state: { windowOpen: true, window, best: { frameId: sample.frameId, score: sample.score, window, frame }, context: state.context }, released: best?.frame ?? null };
}
