/**
 * The overlay's state as a pure reducer over the events it receives, and the plain-words verdict
 * that the ARIA live region announces. Kept free of Preact and browser APIs so it is unit-tested.
 */
import { OVERLAY_MESSAGES } from '../i18n/overlay-messages';
import { workflowWords } from '../i18n/hint-messages';
import { translator, type Locale } from '../i18n/translate';
import { INITIAL_SMOOTHED_EYE_STATE, smoothEyeState, type SmoothedEyeState } from '../model/eyes/eye-state-smoother';
import { largestFace } from '../model/measures/largest-face';
import type { EngineState, FrameAnalysis, QualitySummary } from '../protocol/messages';
import { extendTrack, type TrackedBox } from '../workflow/face-motion';
import { initialStable, updateStable, type Stable } from '../workflow/hysteresis';
import { DEFAULT_PROFILE_CONFIGS } from '../workflow/profiles';
import { assessReadiness } from '../workflow/readiness';
import type { Audience, HintId, ProfileId, Readiness } from '../workflow/types';

/** The analysed video; `audience` says whose face it shows (the user's camera: 'self'; a remote participant or page video: 'other'). */
export type CameraState = { state: 'waiting' } | { state: 'live'; streamId: string; label: string; audience: Audience } | { state: 'stopped'; audience: Audience };

/** What the user is shown, changed only after ≥ 500 ms of agreeing frames (src/workflow/hysteresis.ts). */
export interface ShownReadiness {
  ready: Stable<boolean>;
  /** The most important hint. */
  hint: Stable<HintId | null>;
}

export interface OverlayState {
  /** `stopped`: the extension went away under the page (disabled, updated, crashed); only a reload or its return helps. */
  engine: EngineState | { state: 'starting' } | { state: 'stopped' };
  camera: CameraState;
  analysis: FrameAnalysis | null;
  /** The latest per-frame problem (a frame that could not be analysed); cleared by the next result. */
  frameError: string | null;
  /** Eye state held ≥ 300 ms (a blink is not closure), over the frames of the current stream. */
  eyes: SmoothedEyeState;
  /** The workflow profile the frames are checked against. */
  profile: ProfileId;
  /** The latest frame against the profile (with the smoothed eye state and the recent face boxes). */
  readiness: Readiness | null;
  /** The largest face's box over the recent frames of the stream, for the steadiness check. */
  track: TrackedBox[];
  shown: ShownReadiness;
}

export type OverlayEvent =
  | { type: 'engine-state'; state: EngineState }
  | { type: 'extension-stopped' }
  | { type: 'camera-started'; streamId: string; label: string; audience: Audience }
  | { type: 'camera-ended'; streamId: string; liveStreams: number }
  | { type: 'analysis'; analysis: FrameAnalysis }
  | { type: 'frame-error'; error: string }
  | { type: 'profile'; profile: ProfileId };

const INITIAL_SHOWN: ShownReadiness = { ready: initialStable(false), hint: initialStable<HintId | null>(null) };
/** The longest steadiness window of any profile: the track keeps that much. */
const TRACK_MS = Math.max(...Object.values(DEFAULT_PROFILE_CONFIGS).map((c) => c.steadiness?.windowMs ?? 0));
/** Per-stream state that a new stream or profile starts afresh. */
const FRESH_STREAM: Pick<OverlayState, 'analysis' | 'frameError' | 'eyes' | 'readiness' | 'track' | 'shown'> = {
  analysis: null,
  frameError: null,
  eyes: INITIAL_SMOOTHED_EYE_STATE,
  readiness: null,
  track: [],
  shown: INITIAL_SHOWN,
};

export const INITIAL_OVERLAY_STATE: OverlayState = {
  engine: { state: 'starting' },
  camera: { state: 'waiting' },
  profile: 'consult',
  ...FRESH_STREAM,
};

function withAnalysis(state: OverlayState, analysis: FrameAnalysis): OverlayState {
  const eyes = smoothEyeState(state.eyes, analysis.eyes?.state ?? 'uncertain', analysis.capturedAt);
  const face = largestFace(analysis.faces);
  const track = face ? extendTrack(state.track, { box: face.box, capturedAt: analysis.capturedAt }, TRACK_MS) : [];
  const readiness = assessReadiness(state.profile, { ...analysis, eyeState: analysis.eyes ? eyes.stable : null, track });
  const shown = {
    ready: updateStable(state.shown.ready, readiness.ready, analysis.capturedAt),
    hint: updateStable(state.shown.hint, readiness.hints[0] ?? null, analysis.capturedAt),
  };
  return { ...state, analysis, frameError: null, eyes, track, readiness, shown };
}

export function reduceOverlay(state: OverlayState, event: OverlayEvent): OverlayState {
  switch (event.type) {
    case 'engine-state':
      // Nothing from this page's (dead) extension context can revive it; a new overlay replaces this one.
      if (state.engine.state === 'stopped') return state;
      // A verdict from an engine that went away (or failed) is stale: the next engine's first frame replaces it.
      return event.state.state === 'ready' ? { ...state, engine: event.state } : { ...state, ...FRESH_STREAM, engine: event.state };
    case 'extension-stopped':
      return { ...state, ...FRESH_STREAM, engine: { state: 'stopped' } };
    case 'camera-started':
      return { ...state, ...FRESH_STREAM, camera: { state: 'live', streamId: event.streamId, label: event.label, audience: event.audience } };
    case 'camera-ended':
      // When another live stream takes over, the tap announces it with camera-started next.
      if (state.camera.state !== 'live' || state.camera.streamId !== event.streamId) return state;
      return event.liveStreams > 0 ? state : { ...state, camera: { state: 'stopped', audience: state.camera.audience }, analysis: null, readiness: null };
    case 'analysis':
      // Results for a stream that is no longer analysed arrive late; they must not resurrect it.
      if (state.camera.state !== 'live' || state.camera.streamId !== event.analysis.streamId) return state;
      return withAnalysis(state, event.analysis);
    case 'frame-error':
      return { ...state, frameError: event.error };
    case 'profile':
      // The shown verdict was about the other profile: it starts again from "not ready".
      return event.profile === state.profile ? state : { ...state, profile: event.profile, readiness: null, shown: INITIAL_SHOWN };
  }
}

export type Tone = 'info' | 'ok' | 'warn' | 'error';
export interface Verdict {
  text: string;
  tone: Tone;
}

const percent = (p: number) => `${Math.round(100 * p)}%`;

/** The classifier's verdict in words, or "quality uncertain" below the calibrated threshold. */
export function qualityWords(quality: QualitySummary, locale: Locale = 'en'): string {
  const t = translator(OVERLAY_MESSAGES, locale);
  return quality.uncertain ? t('qualityUncertain') : `${t(`quality.${quality.label}`)} (${percent(quality.confidence)})`;
}

/** Whether the latest frame is confidently `good`, the gate for the eye check (as in the paper). */
export const isGood = (quality: QualitySummary) => quality.label === 'good' && !quality.uncertain;

/** English continues a sentence in lower case ("— not ready: close your eyes"); German keeps its capitals. */
const inSentence = (text: string, locale: Locale) => (locale === 'en' ? text.charAt(0).toLowerCase() + text.slice(1) : text);

/** Whose face the analysed video shows; hints are phrased for it. */
export const audienceOf = (camera: CameraState): Audience => (camera.state === 'waiting' ? 'self' : camera.audience);

export function verdict(state: OverlayState, locale: Locale = 'en'): Verdict {
  const t = translator(OVERLAY_MESSAGES, locale);
  if (state.engine.state === 'stopped') return { text: t('extensionStopped'), tone: 'error' };
  if (state.engine.state === 'error') return { text: t('cannotAnalyse', { error: state.engine.error }), tone: 'error' };
  if (state.camera.state === 'waiting') return { text: t('waitingCamera'), tone: 'info' };
  if (state.camera.state === 'stopped') return { text: t(state.camera.audience === 'self' ? 'cameraStopped' : 'videoStopped'), tone: 'info' };
  if (state.engine.state !== 'ready') return { text: t('loadingModels'), tone: 'info' };
  if (!state.analysis) return { text: state.frameError ? t('frameNotAnalysed', { error: state.frameError }) : t('analysing'), tone: 'info' };
  if (state.analysis.faces.length === 0) return { text: t('noFace'), tone: 'warn' };
  const words = workflowWords(locale);
  const count = state.analysis.faces.length;
  const found = count > 1 ? t('facesFound', { count }) : t('faceFound');
  const { ready } = state.shown;
  // "Face found — show your face" would contradict itself while a held "show-face" is still shown.
  const hint = state.shown.hint.shown === 'show-face' && !state.readiness?.hints.includes('show-face') ? null : state.shown.hint.shown;
  if (ready.shown) return { text: t('verdictReady', { found, ready: inSentence(words.ready(state.profile), locale) }), tone: 'ok' };
  if (hint) return { text: t('verdictHint', { found, hint: inSentence(words.hint(hint, audienceOf(state.camera)), locale) }), tone: 'warn' };
  return { text: t('verdictNotReady', { found }), tone: 'warn' };
}
