/**
 * The overlay's state as a pure reducer over the events it receives, and the plain-words verdict
 * that the ARIA live region announces. Kept free of Preact and browser APIs so it is unit-tested.
 */
import type { EngineState, FaceSummary, FrameAnalysis } from '../protocol/messages';
import { lightHint, sizeHint, type LightHint, type SizeHint } from '../workflow/frame-hints';

export type CameraState = { state: 'waiting' } | { state: 'live'; streamId: string; label: string } | { state: 'stopped' };

export interface OverlayState {
  engine: EngineState | { state: 'starting' };
  camera: CameraState;
  analysis: FrameAnalysis | null;
  /** The latest per-frame problem (a frame that could not be analysed); cleared by the next result. */
  frameError: string | null;
}

export type OverlayEvent =
  | { type: 'engine-state'; state: EngineState }
  | { type: 'camera-started'; streamId: string; label: string }
  | { type: 'camera-ended'; streamId: string; liveStreams: number }
  | { type: 'analysis'; analysis: FrameAnalysis }
  | { type: 'frame-error'; error: string };

export const INITIAL_OVERLAY_STATE: OverlayState = {
  engine: { state: 'starting' },
  camera: { state: 'waiting' },
  analysis: null,
  frameError: null,
};

export function reduceOverlay(state: OverlayState, event: OverlayEvent): OverlayState {
  switch (event.type) {
    case 'engine-state':
      return { ...state, engine: event.state };
    case 'camera-started':
      return { ...state, camera: { state: 'live', streamId: event.streamId, label: event.label }, analysis: null, frameError: null };
    case 'camera-ended':
      // When another live stream takes over, the tap announces it with camera-started next.
      if (state.camera.state !== 'live' || state.camera.streamId !== event.streamId) return state;
      return event.liveStreams > 0 ? state : { ...state, camera: { state: 'stopped' }, analysis: null };
    case 'analysis':
      // Results for a stream that is no longer analysed arrive late; they must not resurrect it.
      if (state.camera.state !== 'live' || state.camera.streamId !== event.analysis.streamId) return state;
      return { ...state, analysis: event.analysis, frameError: null };
    case 'frame-error':
      return { ...state, frameError: event.error };
  }
}

/** The face the hints are about: the largest one. */
export function primaryFace(analysis: FrameAnalysis): FaceSummary | null {
  let best: FaceSummary | null = null;
  for (const face of analysis.faces) if (!best || face.box.width * face.box.height > best.box.width * best.box.height) best = face;
  return best;
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

const SIZE_WORDS: Record<SizeHint, string | null> = { 'move-closer': 'move closer', 'move-back': 'move back a little', ok: null };
const LIGHT_WORDS: Record<LightHint, string | null> = { 'more-light': 'more light needed', 'less-light': 'too bright', ok: null };

export function verdict(state: OverlayState): Verdict {
  if (state.engine.state === 'error') return { text: `FaceReady cannot analyse: ${state.engine.error}`, tone: 'error' };
  if (state.camera.state === 'waiting') return { text: 'Waiting for the camera', tone: 'info' };
  if (state.camera.state === 'stopped') return { text: 'Camera stopped', tone: 'info' };
  if (state.engine.state !== 'ready') return { text: 'Loading face models…', tone: 'info' };
  if (!state.analysis) return { text: state.frameError ? `Frame not analysed: ${state.frameError}` : 'Analysing…', tone: 'info' };
  const face = primaryFace(state.analysis);
  if (!face) return { text: 'No face found', tone: 'warn' };
  const hints = faceHints(state.analysis, face);
  const advice = [SIZE_WORDS[hints.size], hints.light && LIGHT_WORDS[hints.light]].filter(Boolean);
  const found = state.analysis.faces.length > 1 ? `${state.analysis.faces.length} faces found` : 'Face found';
  return advice.length > 0 ? { text: `${found}: ${advice.join(', ')}`, tone: 'warn' } : { text: `${found}: size and light OK`, tone: 'ok' };
}
