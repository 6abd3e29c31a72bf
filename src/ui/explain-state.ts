/**
 * The "Explain" flow of the overlay as a pure reducer: requested → started (the frozen frame
 * arrives) → progress and partial results (Grad-CAM first) → done, failed or cancelled. Events of any other request are ignored, so a
 * late reply to a cancelled request cannot overwrite a newer one.
 */
import type { RelayExplainEvent } from '../capture/frame-relay';
import type { RgbaImage } from '../image';
import type { ExplainMethod, ExplanationSet, LimeMode } from '../xai/explain-set';
import type { ExplainProgress } from '../xai/types';

export interface PredictedClass {
  name: string;
  probability: number;
}

export type ExplainUiState =
  | { status: 'idle' }
  /** `partial`: the explanations ready so far, shown while the rest are computed. */
  | { status: 'running'; requestId: number; method: ExplainMethod; limeMode: LimeMode; frame: RgbaImage | null; partial: ExplanationSet | null; progress: ExplainProgress | null; step: string | null }
  | { status: 'done'; requestId: number; method: ExplainMethod; limeMode: LimeMode; set: ExplanationSet; predicted: PredictedClass; ms: number }
  /** `engineLost`: the engine went away before answering; the panel offers Retry. */
  | { status: 'failed'; requestId: number; error: string; engineLost: boolean };

/** The relay's (or the check page's) explanation events, and the user closing the panel. */
export type ExplainEvent = RelayExplainEvent | { type: 'explain-closed' };

export const IDLE_EXPLAIN: ExplainUiState = { status: 'idle' };

/** Live frames pause while an explanation runs or is shown, so the verdict stays on the explained frame; a failed one lets them resume. */
export const pausesLiveFrames = (state: ExplainUiState): boolean => state.status === 'running' || state.status === 'done';

const METHOD_NAMES: Record<Exclude<ExplainMethod, 'all'>, string> = { combined: 'Grad-CAM + LIME', gradcam: 'Grad-CAM', lime: 'LIME' };

export function reduceExplain(state: ExplainUiState, event: ExplainEvent): ExplainUiState {
  if (event.type === 'explain-closed') return IDLE_EXPLAIN;
  if (event.type === 'explain-requested') {
    return { status: 'running', requestId: event.requestId, method: event.method, limeMode: event.limeMode, frame: null, partial: null, progress: null, step: null };
  }
  if (state.status !== 'running' || state.requestId !== event.requestId) return state;
  switch (event.type) {
    case 'explain-started':
      return { ...state, frame: event.frame };
    case 'explain-progress':
      return { ...state, progress: event.progress, step: METHOD_NAMES[event.method] };
    case 'explain-partial':
      return { ...state, partial: event.set };
    case 'explanation':
      return { status: 'done', requestId: event.requestId, method: state.method, limeMode: state.limeMode, set: event.set, predicted: event.predicted, ms: event.ms };
    case 'explain-error':
      return event.cancelled ? IDLE_EXPLAIN : { status: 'failed', requestId: event.requestId, error: event.error, engineLost: event.engineLost ?? false };
  }
}
