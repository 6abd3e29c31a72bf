import { quantileOfSorted } from '../../stats';
import { EYE_SMOOTHING, type EyeSmoothingConfig } from './constants';
import type { EyeState } from './fuse-eye-state';

/** What one video frame says about the eyes (the frame's EyeSummary, or null when the eyes were not checked). */
export interface EyeObservation {
  /** The frame's own state from the per-image evidence. */
  state: EyeState;
  /** Both eyes' mean lid opening (scale-free); the person's open-eye baseline is taken over it. Null when unmeasured. */
  openness: number | null;
  /** Every cue says closed for both eyes on this frame (the only frames that can start a closure). */
  confidentlyClosed: boolean;
  /** The eye-crop model's mean logit over the two eyes (> 0: closed-looking); null when unmeasured. */
  closedLogit: number | null;
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
  /** The current closure: a run of closed and unsure frames that began with a closed one (its start and its last closedHoldMs of frames). */
  closure: Closure | null;
  /** The baseline's samples: openness of the recent open and unsure frames outside a reported closure, oldest first. */
  recent: readonly { atMs: number; openness: number }[];
  /** The person's open-eye opening: a high percentile of `recent`; null until there are enough samples. */
  baseline: number | null;
}

export interface Closure {
  /** When the run of closed and unsure frames began (with a confidently closed frame). */
  sinceMs: number;
  /** Its frames of the last closedHoldMs, oldest first: the evidence the report rests on now. */
  recent: readonly ClosureFrame[];
}

export interface ClosureFrame {
  atMs: number;
  /** Confidently closed (class `closed`), or `unsure`. */
  closed: boolean;
  /** The frame's eye-crop logit (counted for closed frames only). */
  closedLogit: number;
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
 *   frames — has lasted closedHoldMs and its last closedHoldMs of frames are a sure closure
 *   (`closureIsSure`: at least minClosedShare of them confidently closed, the latest one too, and
 *   the lower quartile of their eye-crop logits reaching closureLogit). The hold counts confident frames within the
 *   window, not an unbroken run: an unsure frame or two (a lid the mesh put open) do not restart it;
 * - a reported `closed` lasts only while that window stays sure: when the eyes open narrow (frames
 *   unsure, never open) or the closure's evidence fades, it is taken back (→ uncertain) and a new
 *   closure must hold again; a single open frame ends it at once;
 * - unsure frames held for openHoldMs take back a reported `open` (→ uncertain), so a half-closed
 *   face is not called open.
 * The person's baseline (a high percentile of their openness over the last seconds, confidently closed
 * frames and those of a reported closure left out) judges closure against their own eyes: a frame as open as their usual opening is
 * open even below the population threshold (narrow eyes), and a frame that is not clearly narrower
 * than it is never confidently closed.
 * Uncertain frames (no face, mesh unsure) do not change the report. Time going backwards (a new
 * stream) restarts from the initial state.
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
  const closure = closureAfter(prev.closure, frame, observation?.closedLogit ?? 0, held, timestampMs, config);
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
    if (prev.stable === 'closed' && !closureIsSure(closure, config)) {
      report('uncertain');
      next.closure = null; // a new closure must hold again
    }
  } else if (frame === 'closed') {
    const c = closure!;
    if (closureIsSure(c, config) && timestampMs - c.sinceMs >= config.closedHoldMs) report('closed');
    else if (prev.stable === 'closed') {
      report('uncertain');
      next.closure = null;
    }
  }
  return next;
}

/** Which of the window's confident logits stands for the closure: the lower quartile, so that a blink's very closed frames or two cannot lift weakly closed-looking eyes over the margin. */
const CLOSURE_LOGIT_QUANTILE = 0.25;

/** The closure's window in two numbers: the share of its frames confidently closed, and the lower quartile of their eye-crop logits (null without any). */
export function closureEvidence(closure: Closure | null): { closedShare: number; closedLogit: number | null } {
  const logits = (closure?.recent ?? []).filter((f) => f.closed).map((f) => f.closedLogit).sort((a, b) => a - b);
  if (!closure || logits.length === 0) return { closedShare: 0, closedLogit: null };
  return { closedShare: logits.length / closure.recent.length, closedLogit: quantileOfSorted(logits, CLOSURE_LOGIT_QUANTILE, 'lower') };
}

/**
 * Whether the closure's last closedHoldMs of frames make a sure closure: at least minClosedShare of
 * them confidently closed and the lower quartile of their eye-crop logits at least closureLogit (one
 * frame can look closed by chance, and a blink's frames look very closed; a second of frames that
 * nearly all look closed with margin is the confident closure). The latest frame need not be
 * confident, so one unsure frame does not end a report.
 */
export function closureIsSure(closure: Closure | null, config: EyeSmoothingConfig = EYE_SMOOTHING): boolean {
  const { closedShare, closedLogit } = closureEvidence(closure);
  return closedLogit !== null && closedShare >= config.minClosedShare && closedLogit >= config.closureLogit;
}

/**
 * The current closure after this frame: a closed frame starts one, closed and unsure frames continue
 * it (its window keeps the last closedHoldMs of them), an open frame ends it, and so do uncertain
 * frames once they have lasted openHoldMs (a single frame the classifier doubted is no evidence either
 * way, and is not counted).
 */
function closureAfter(closure: Closure | null, frame: FrameEyeClass, closedLogit: number, held: number, atMs: number, config: EyeSmoothingConfig): Closure | null {
  const counted = (c: Closure, closed: boolean): Closure => ({
    sinceMs: c.sinceMs,
    recent: [...c.recent.filter((f) => atMs - f.atMs < config.closedHoldMs), { atMs, closed, closedLogit }],
  });
  if (frame === 'closed') return counted(closure ?? { sinceMs: atMs, recent: [] }, true);
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
  return quantileOfSorted(sorted, config.baselinePercentile, 'lower');
}
