import { EYE_SMOOTHING, type EyeSmoothingConfig } from './constants';
import type { EyeState } from './fuse-eye-state';

/** What one video frame says about the eyes (the frame's EyeSummary, or null when the eyes were not checked). */
export interface EyeObservation {
  /** The frame's own state from the per-image evidence. */
  state: EyeState;
  /** Both eyes' mean lid opening (scale-free); the person's open-eye baseline is taken over it. Null when unmeasured. */
  openness: number | null;
  /** Both eyes closed with margin on this frame (the only frames that can start a closure). */
  confidentlyClosed: boolean;
}

/**
 * A frame's eye state after the person's baseline: `open`; `closed` (confidently, and clearly narrower
 * than the person's open eyes when their baseline is known); `unsure` (the frame calls it closed but
 * not confidently); `uncertain` (not judged: no face, mesh unsure).
 */
export type FrameEyeClass = 'open' | 'closed' | 'unsure' | 'uncertain';

export interface SmoothedEyeState {
  /** The state reported to the user. */
  stable: EyeState;
  /** Since when `stable` has been reported (ms), or null before the first stable state. */
  stableSinceMs: number | null;
  /** The latest frame's class and since when it has been observed without interruption. */
  candidate: FrameEyeClass;
  candidateSinceMs: number | null;
  /** The current closure: a run of closed and unsure frames that began with a closed one (its start and frame counts). */
  closure: Closure | null;
  /** The baseline's samples: openness of the recent open and unsure frames outside a reported closure, oldest first. */
  recent: readonly { atMs: number; openness: number }[];
  /** The person's open-eye opening: a high percentile of `recent`; null until there are enough samples. */
  baseline: number | null;
}

export interface Closure {
  sinceMs: number;
  frames: number;
  closedFrames: number;
}

export const INITIAL_SMOOTHED_EYE_STATE: SmoothedEyeState = {
  stable: 'uncertain',
  stableSinceMs: null,
  candidate: 'uncertain',
  candidateSinceMs: null,
  closure: null,
  recent: [],
  baseline: null,
};

/**
 * Pure state machine over the frames' eye observations (live video). Asymmetric on purpose, because
 * the UV profile's hazard is "closed" said of open eyes:
 * - `open` is reported once open frames have held for openHoldMs (a blink never reads as closure);
 * - `closed` only once a closure — begun by a confidently closed frame, continued by closed or unsure
 *   frames — has lasted closedHoldMs, at least minClosedShare of its frames were confidently closed,
 *   and the latest one is;
 * - a single open frame ends a reported closure at once (→ uncertain until open has held);
 * - unsure frames held for openHoldMs take back a reported `open` (→ uncertain), so a half-closed
 *   face is not called open.
 * The person's baseline (a high percentile of their openness over the last seconds, confidently closed
 * frames and those of a reported closure left out) judges closure against their own eyes: a frame as open as their usual opening is
 * open even below the population threshold (narrow eyes), and a frame that is not clearly narrower
 * than it is never confidently closed.
 * Uncertain frames do not change the report. Time going backwards (a new stream) restarts from the
 * initial state.
 */
export function smoothEyeState(
  previous: SmoothedEyeState,
  observation: EyeObservation | null,
  timestampMs: number,
  config: EyeSmoothingConfig = EYE_SMOOTHING,
): SmoothedEyeState {
  const prev = previous.candidateSinceMs !== null && timestampMs < previous.candidateSinceMs ? INITIAL_SMOOTHED_EYE_STATE : previous;
  const frame = classifyFrame(observation, prev.baseline, config);
  const sameRun = frame === prev.candidate && prev.candidateSinceMs !== null;
  const candidateSinceMs = sameRun ? prev.candidateSinceMs! : timestampMs;
  const held = timestampMs - candidateSinceMs;
  const closure = closureAfter(prev.closure, frame, held, timestampMs, config);
  // Frames of a reported closure, and confidently closed ones, say nothing about the person's open eyes.
  const sample = frame === 'open' || (frame === 'unsure' && prev.stable !== 'closed') ? observation!.openness : null;
  const recent = [...prev.recent.filter((s) => timestampMs - s.atMs <= config.baselineWindowMs), ...(sample !== null ? [{ atMs: timestampMs, openness: sample }] : [])];
  const next: SmoothedEyeState = { ...prev, candidate: frame, candidateSinceMs, closure, recent, baseline: baselineOf(recent, config) };
  const report = (state: EyeState) => {
    if (state === next.stable) return;
    next.stable = state;
    next.stableSinceMs = timestampMs;
  };
  if (frame === 'open') {
    if (prev.stable === 'closed') report('uncertain');
    if (held >= config.openHoldMs) report('open');
  } else if (frame === 'unsure') {
    if (prev.stable === 'open' && held >= config.openHoldMs) report('uncertain');
  } else if (frame === 'closed') {
    const c = next.closure!;
    if (timestampMs - c.sinceMs >= config.closedHoldMs && c.closedFrames >= config.minClosedShare * c.frames) report('closed');
  }
  return next;
}

/**
 * The current closure after this frame: a closed frame starts one, closed and unsure frames continue
 * it, an open frame ends it, and so do uncertain frames once they have lasted openHoldMs (a single
 * frame the classifier doubted is no evidence either way, and is not counted).
 */
function closureAfter(closure: Closure | null, frame: FrameEyeClass, held: number, atMs: number, config: EyeSmoothingConfig): Closure | null {
  const counted = (c: Closure, closed: boolean): Closure => ({ ...c, frames: c.frames + 1, closedFrames: c.closedFrames + (closed ? 1 : 0) });
  if (frame === 'closed') return counted(closure ?? { sinceMs: atMs, frames: 0, closedFrames: 0 }, true);
  if (frame === 'unsure') return closure && counted(closure, false);
  if (frame === 'uncertain' && held < config.openHoldMs) return closure;
  return null;
}

/**
 * One frame's class, from its own evidence and the person's baseline. Any baseline vetoes a confident
 * closure that is not clearly narrower than it (safe for UV); only a baseline plausible for open eyes
 * (≥ minBaseline) can turn a frame the population threshold calls closed into open.
 */
export function classifyFrame(observation: EyeObservation | null, baseline: number | null, config: EyeSmoothingConfig = EYE_SMOOTHING): FrameEyeClass {
  if (!observation || observation.state === 'uncertain') return 'uncertain';
  if (observation.state === 'open') return 'open';
  const ratio = baseline !== null && baseline > 0 && observation.openness !== null ? observation.openness / baseline : null;
  if (ratio === null) return observation.confidentlyClosed ? 'closed' : 'unsure';
  if (observation.confidentlyClosed) return ratio <= config.closedRatio ? 'closed' : 'unsure';
  return baseline! >= config.minBaseline && ratio >= config.openRatio ? 'open' : 'unsure';
}

function baselineOf(samples: SmoothedEyeState['recent'], config: EyeSmoothingConfig): number | null {
  if (samples.length < config.baselineMinFrames) return null;
  const sorted = samples.map((s) => s.openness).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(config.baselinePercentile * (sorted.length - 1)))];
}
