/**
 * The overlay's state as a pure reducer over the events it receives, and the plain-words verdict
 * that the ARIA live region announces. Kept free of Preact and browser APIs so it is unit-tested.
 */
import { INITIAL_SMOOTHED_EYE_STATE, smoothEyeState, type SmoothedEyeState } from '../model/eyes/eye-state-smoother';
import { largestFace } from '../model/measures/largest-face';
import type { EngineState, FaceSummary, FrameAnalysis, QualitySummary } from '../protocol/messages';
import { lightHint, sizeHint, type LightHint, type SizeHint } from '../workflow/frame-hints';
import type { Audience } from '../workflow/types';

/** The analysed video; `audience` says whose face it shows (the user's camera: 'self'; a remote participant or page video: 'other'). */
export type CameraState = { state: 'waiting' } | { state: 'live'; streamId: string; label: string; audience: Audience } | { state: 'stopped'; audience: Audience };

export interface OverlayState {
  engine: EngineState | { state: 'starting' };
  camera: CameraState;
  analysis: FrameAnalysis | null;
  /** The latest per-frame problem (a frame that could not be analysed); cleared by the next result. */
  frameError: string | null;
  /** Eye state held ≥ 300 ms (a blink is not closure), over the frames of the current stream. */
  eyes: SmoothedEyeState;
}

export type OverlayEvent =
  | { type: 'engine-state'; state: EngineState }
  | { type: 'camera-started'; streamId: string; label: string; audience: Audience }
  | { type: 'camera-ended'; streamId: string; liveStreams: number }
  | { type: 'analysis'; analysis: FrameAnalysis }
  | { type: 'frame-error'; error: string };

export const INITIAL_OVERLAY_STATE: OverlayState = {
  engine: { state: 'starting' },
  camera: { state: 'waiting' },
  analysis: null,
  frameError: null,
  eyes: INITIAL_SMOOTHED_EYE_STATE,
};

export function reduceOverlay(state: OverlayState, event: OverlayEvent): OverlayState {
  switch (event.type) {
    case 'engine-state':
      return { ...state, engine: event.state };
    case 'camera-started':
      return { ...state, camera: { state: 'live', streamId: event.streamId, label: event.label, audience: event.audience }, analysis: null, frameError: null, eyes: INITIAL_SMOOTHED_EYE_STATE };
    case 'camera-ended':
      // When another live stream takes over, the tap announces it with camera-started next.
      if (state.camera.state !== 'live' || state.camera.streamId !== event.streamId) return state;
      return event.liveStreams > 0 ? state : { ...state, camera: { state: 'stopped', audience: state.camera.audience }, analysis: null };
    case 'analysis':
      // Results for a stream that is no longer analysed arrive late; they must not resurrect it.
      if (state.camera.state !== 'live' || state.camera.streamId !== event.analysis.streamId) return state;
      return {
        ...state,
        analysis: event.analysis,
        frameError: null,
        eyes: smoothEyeState(state.eyes, event.analysis.eyes?.state ?? 'uncertain', event.analysis.capturedAt),
      };
    case 'frame-error':
      return { ...state, frameError: event.error };
  }
}

export interface FaceHints {
  size: SizeHint;
  light: LightHint | null;
}

export function faceHints(analysis: FrameAnalysis, face: FaceSummary): FaceHints {
  return { size: sizeHint(face.box.height, analysis.height), light: face.luminance === null ? null : lightHint(face.luminance) };
}

export type Tone = 'info' | 'ok' | 'warn' | 'error';
export interface Verdict {
  text: string;
  tone: Tone;
}

const QUALITY_WORDS: Record<QualitySummary['label'], string> = {
  good: 'good quality',
  blur: 'blurred',
  eyeglasses: 'glasses on',
  covered: 'face covered',
  wrong: 'not a usable face',
};

const percent = (p: number) => `${Math.round(100 * p)}%`;

/** The classifier's verdict in words, or "quality uncertain" below the calibrated threshold. */
export function qualityWords(quality: QualitySummary): string {
  return quality.uncertain ? 'quality uncertain' : `${QUALITY_WORDS[quality.label]} (${percent(quality.confidence)})`;
}

/** Whether the latest frame is confidently `good`, the gate for the eye check (as in the paper). */
export const isGood = (quality: QualitySummary) => quality.label === 'good' && !quality.uncertain;

const SIZE_WORDS: Record<SizeHint, string | null> = { 'move-closer': 'move closer', 'move-back': 'move back a little', ok: null };
const LIGHT_WORDS: Record<LightHint, string | null> = { 'more-light': 'more light needed', 'less-light': 'too bright', ok: null };

export function verdict(state: OverlayState): Verdict {
  if (state.engine.state === 'error') return { text: `FaceReady cannot analyse: ${state.engine.error}`, tone: 'error' };
  if (state.camera.state === 'waiting') return { text: 'Waiting for the camera', tone: 'info' };
  if (state.camera.state === 'stopped') return { text: state.camera.audience === 'self' ? 'Camera stopped' : 'Video stopped', tone: 'info' };
  if (state.engine.state !== 'ready') return { text: 'Loading face models…', tone: 'info' };
  if (!state.analysis) return { text: state.frameError ? `Frame not analysed: ${state.frameError}` : 'Analysing…', tone: 'info' };
  const face = largestFace(state.analysis.faces);
  if (!face) return { text: 'No face found', tone: 'warn' };
  const { quality } = state.analysis;
  const hints = faceHints(state.analysis, face);
  const eyes = isGood(quality) && state.eyes.stable !== 'uncertain' ? `eyes ${state.eyes.stable}` : null;
  const advice = [SIZE_WORDS[hints.size], hints.light && LIGHT_WORDS[hints.light]].filter(Boolean);
  const found = state.analysis.faces.length > 1 ? `${state.analysis.faces.length} faces found` : 'Face found';
  const text = `${found}: ${[qualityWords(quality), eyes, ...advice].filter(Boolean).join(', ')}`;
  return { text, tone: isGood(quality) && advice.length === 0 ? 'ok' : 'warn' };
}
