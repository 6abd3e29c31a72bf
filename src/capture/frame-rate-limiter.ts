/**
 * Decides which camera frames to sample so that at most `fps` frames per second go to analysis.
 * Keeps a fixed schedule (next = previous due time + interval) so the rate does not drift
 * with timer jitter, but re-anchors after a gap (tab hidden, camera paused) instead of bursting.
 */
export interface FrameRateLimiter {
  /** True when a frame captured at `nowMs` should be sampled; records it if so. */
  take(nowMs: number): boolean;
  readonly fps: number;
}

export function createFrameRateLimiter(fps: number): FrameRateLimiter {
  if (!Number.isFinite(fps) || fps <= 0 || fps > 60) {
    throw new RangeError(`Sampling rate must be between 0 and 60 frames per second, got ${fps}`);
  }
  const interval = 1000 / fps;
  let due = -Infinity;
  return {
    fps,
    take(nowMs) {
      if (nowMs < due) return false;
      due = nowMs - due > 2 * interval ? nowMs + interval : due + interval;
      return true;
    },
  };
}
