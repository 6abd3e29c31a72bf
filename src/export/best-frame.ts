/**
 * Best-frame selection over a ready window: while the profile is satisfied, keep the frame with the
 * highest Readiness.score; when readiness is lost the best of that window stays on offer, and the
 * next ready window starts fresh. A change of context (another stream or profile) forgets it.
 *
 * Pure and generic over what a kept frame is (`F`, e.g. its pixels): the step asks for the payload
 * only when it keeps a frame, and hands back the payload it stops holding so the caller can release it.
 */
export interface BestFrame<F> {
  frameId: number;
  score: number;
  frame: F;
}

export interface BestFrameState<F> {
  /** Whether the last sample was ready (a ready window is open). */
  windowOpen: boolean;
  best: BestFrame<F> | null;
  /** What the window belongs to, e.g. `${streamId}|${profile}`. */
  context: string | null;
}

export interface ReadySample {
  frameId: number;
  ready: boolean;
  score: number;
  context: string;
}

export const INITIAL_BEST_FRAME_STATE: BestFrameState<never> = { windowOpen: false, best: null, context: null };

export interface BestFrameStep<F> {
  state: BestFrameState<F>;
  /** A payload no longer held (the replaced or forgotten best frame). */
  released: F | null;
}

/** `take` returns the sample's payload, or null when it is no longer available (then nothing changes but the window). */
export function stepBestFrame<F>(state: BestFrameState<F>, sample: ReadySample, take: () => F | null): BestFrameStep<F> {
  let released: F | null = null;
  let { best, windowOpen } = state;
  if (sample.context !== state.context) {
    released = best?.frame ?? null;
    best = null;
    windowOpen = false;
  }
  if (!sample.ready) return { state: { windowOpen: false, best, context: sample.context }, released };
  const startsWindow = !windowOpen;
  if (startsWindow || !best || sample.score > best.score) {
    const frame = take();
    if (frame !== null) {
      // A frame of the previous window is released only now, so a missed payload keeps something on offer.
      if (best && released === null) released = best.frame;
      best = { frameId: sample.frameId, score: sample.score, frame };
    }
  }
  return { state: { windowOpen: true, best, context: sample.context }, released };
}
