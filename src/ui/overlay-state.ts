/**
 * The overlay's state as a pure reducer over the events it receives, and the plain-words verdict
 * that the ARIA live region announces. Kept free of Preact and browser APIs so it is unit-tested.
 */
import type { RelayEvent } from '../capture/frame-relay';
import { OVERLAY_MESSAGES } from '../i18n/overlay-messages';
import { workflowWords } from '../i18n/hint-messages';
import { translator, type Locale } from '../i18n/translate';
import { INITIAL_SMOOTHED_EYE_STATE, smoothEyeState, type SmoothedEyeState } from '../model/eyes/eye-state-smoother';
import { largestFace } from '../model/measures/largest-face';
import { measureName } from '../i18n/measure-messages';
import type { CameraErrorCode, EngineState, EyeSummary, FrameAnalysis, FusedVerdict, QualitySummary, TapErrorCode } from '../protocol/messages';
import { extendTrack, type TrackedBox } from '../workflow/face-motion';
import { initialStable, updateShownReady, updateStable, type Stable } from '../workflow/hysteresis';
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
  /** The latest problem the page's video tap reported, as a code FaceReady words itself (the page may post it); cleared by the next result. */
  tapError: TapErrorCode | null;
  /** Why the page's last camera request failed (a code from the error's name); cleared when a video starts. */
  cameraError: CameraErrorCode | null;
  /** Eye state over the frames of the current stream: open held ≥ 300 ms, closure confident and held ≥ 1 s, against the person's own baseline. */
  eyes: SmoothedEyeState;
  /** The workflow profile the frames are checked against. */
  profile: ProfileId;
  /** The latest frame against the profile (with the smoothed eye state and the recent face boxes). */
  readiness: Readiness | null;
  /** The largest face's box over the recent frames of the stream, for the steadiness check. */
  track: TrackedBox[];
  shown: ShownReadiness;
  /** Whole seconds since the last result of the live stream (counted only once it had one): at RESULT_EXPIRES_AFTER_S its verdict is withdrawn. */
  secondsWithoutResult: number;
}

/**
 * The relay's events about the engine, the videos and each frame, the user's profile choice, and a
 * clock tick every second (not sent while an explanation holds the frames).
 */
export type OverlayEvent = RelayEvent | { type: 'profile'; profile: ProfileId } | { type: 'second-passed' };

/**
 * After this many seconds without a result, the last verdict is withdrawn: a frozen video, or a page
 * that stops the tap, must not leave "Ready" standing (for UV imaging, over eyes that may have opened).
 * Results come several times a second; an engine busy with another tab's explanation can be slower.
 */
export const RESULT_EXPIRES_AFTER_S = 4;

const INITIAL_SHOWN: ShownReadiness = { ready: initialStable(false), hint: initialStable<HintId | null>(null) };
/** The longest steadiness window of any profile: the track keeps that much. */
const TRACK_MS = Math.max(...Object.values(DEFAULT_PROFILE_CONFIGS).map((c) => c.steadiness?.windowMs ?? 0));
/** Per-stream state that a new stream or profile starts afresh. */
const FRESH_STREAM: Pick<OverlayState, 'analysis' | 'frameError' | 'tapError' | 'eyes' | 'readiness' | 'track' | 'shown' | 'secondsWithoutResult'> = {
  analysis: null,
  frameError: null,
  tapError: null,
  eyes: INITIAL_SMOOTHED_EYE_STATE,
  readiness: null,
  track: [],
  shown: INITIAL_SHOWN,
  secondsWithoutResult: 0,
};

export const INITIAL_OVERLAY_STATE: OverlayState = {
  engine: { state: 'starting' },
  camera: { state: 'waiting' },
  cameraError: null,
  profile: 'consult',
  ...FRESH_STREAM,
};

function withAnalysis(state: OverlayState, analysis: FrameAnalysis): OverlayState {
  const eyes = smoothEyeState(state.eyes, analysis.eyes, analysis.capturedAt);
  const face = largestFace(analysis.faces);
  const track = face ? extendTrack(state.track, { box: face.box, capturedAt: analysis.capturedAt }, TRACK_MS) : [];
  const readiness = assessReadiness(state.profile, { ...analysis, eyeState: analysis.eyes ? eyes.stable : null, track });
  const shown = {
    ready: updateShownReady(state.shown.ready, readiness.ready, analysis.capturedAt, DEFAULT_PROFILE_CONFIGS[state.profile].revokeReadyAtOnce),
    hint: updateStable(state.shown.hint, readiness.hints[0] ?? null, analysis.capturedAt),
  };
  return { ...state, analysis, frameError: null, tapError: null, eyes, track, readiness, shown, secondsWithoutResult: 0 };
}

/** Counts a second without a result; at RESULT_EXPIRES_AFTER_S the stream's verdict, eye history and held readiness start afresh. */
function withSecondPassed(state: OverlayState): OverlayState {
  if (state.camera.state !== 'live' || state.engine.state !== 'ready' || (!state.analysis && state.secondsWithoutResult === 0)) return state;
  const secondsWithoutResult = state.secondsWithoutResult + 1;
  return secondsWithoutResult === RESULT_EXPIRES_AFTER_S ? { ...state, ...FRESH_STREAM, secondsWithoutResult } : { ...state, secondsWithoutResult };
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
      return { ...state, ...FRESH_STREAM, cameraError: null, camera: { state: 'live', streamId: event.streamId, label: event.label, audience: event.audience } };
    case 'camera-ended':
      // When another live stream takes over, the tap announces it with camera-started next.
      if (state.camera.state !== 'live' || state.camera.streamId !== event.streamId) return state;
      return event.liveStreams > 0 ? state : { ...state, camera: { state: 'stopped', audience: state.camera.audience }, analysis: null, readiness: null };
    case 'analysis':
      // Results for a stream that is no longer analysed arrive late; they must not resurrect it.
      if (state.camera.state !== 'live' || state.camera.streamId !== event.analysis.streamId) return state;
      return withAnalysis(state, event.analysis);
    case 'frame-error':
      return { ...state, frameError: event.error, tapError: null };
    case 'tap-error':
      return { ...state, tapError: event.code, frameError: null };
    case 'camera-error':
      return { ...state, cameraError: event.code };
    case 'profile':
      // The shown verdict was about the other profile: it starts again from "not ready".
      return event.profile === state.profile ? state : { ...state, profile: event.profile, readiness: null, shown: INITIAL_SHOWN };
    case 'second-passed':
      return withSecondPassed(state);
  }
}

export type Tone = 'info' | 'ok' | 'warn' | 'error';
export interface Verdict {
  /** The one instruction (or state) the overlay leads with, in large type: "Add more light", "Ready for the consult". */
  text: string;
  /** What was found, said first in small type: "Face found — not ready", "No face found"; absent when there is nothing to add. */
  context?: string;
  tone: Tone;
}

const percent = (p: number) => `${Math.round(100 * p)}%`;

/**
 * The fused verdict in words, and what it rests on: the classifier's confidence when it stands alone
 * ("good quality (93%)"), else the measures that decided it ("blurred (sharpness, classifier 40%)");
 * "quality uncertain" when neither is sure.
 */
export function verdictWords(verdict: FusedVerdict, quality: QualitySummary, locale: Locale = 'en'): string {
  const t = translator(OVERLAY_MESSAGES, locale);
  if (verdict.uncertain) return t('qualityUncertain');
  const classifier = percent(quality.probabilities[verdict.label]);
  const alone = verdict.evidence.every((e) => e === 'classifier');
  const evidence = alone ? classifier : verdict.evidence.map((e) => (e === 'classifier' ? t('classifierEvidence', { percent: classifier }) : measureName(e, locale))).join(', ');
  return `${t(`quality.${verdict.label}`)} (${evidence})`;
}

/**
 * The Haar cascade's word on this frame for the eye row: it runs only when the landmarks are ambiguous
 * (or the mesh unsure), and a cascade that did not run is "not run", not "uncertain".
 */
export function cascadeWords(eyes: Pick<EyeSummary, 'cascadeRan' | 'haarState'>, locale: Locale = 'en'): string {
  const t = translator(OVERLAY_MESSAGES, locale);
  return eyes.cascadeRan ? t(`eyes.${eyes.haarState}`) : t('eyesNotRun');
}

/** Whether the verdict on the latest frame is confidently `good`, the gate for the eye check (as in the paper). */
export const isGood = (verdict: FusedVerdict) => verdict.label === 'good' && !verdict.uncertain;

/** Whose face the analysed video shows; hints are phrased for it. */
export const audienceOf = (camera: CameraState): Audience => (camera.state === 'waiting' ? 'self' : camera.audience);

/**
 * Whether the checks, measures, probabilities and timings are open at first: folded away for a
 * patient preparing (their own camera, UV or consult), open for a doctor (someone else's video) and
 * for the ID-photo check, whose reader wants every number.
 */
export const detailsOpenByDefault = (profile: ProfileId, audience: Audience): boolean => audience === 'other' || profile === 'id-photo';

export function verdict(state: OverlayState, locale: Locale = 'en'): Verdict {
  const t = translator(OVERLAY_MESSAGES, locale);
  if (state.engine.state === 'stopped') return { text: t('extensionStopped'), tone: 'error' };
  if (state.engine.state === 'error') return { text: t('cannotAnalyse', { error: state.engine.error }), tone: 'error' };
  // A failed camera request matters until a video plays: it is why nothing is analysed.
  if (state.cameraError && state.camera.state !== 'live') return { context: t(`cameraError.${state.cameraError}`), text: t(`cameraAdvice.${state.cameraError}`), tone: 'error' };
  if (state.camera.state === 'waiting') return { text: t('waitingCamera'), tone: 'info' };
  if (state.camera.state === 'stopped') return { text: t(state.camera.audience === 'self' ? 'cameraStopped' : 'videoStopped'), tone: 'info' };
  if (state.engine.state !== 'ready') return { text: t('loadingModels'), tone: 'info' };
  if (!state.analysis) {
    if (state.tapError) return { text: t(`tapError.${state.tapError}`), tone: 'info' };
    if (state.frameError) return { text: t('frameNotAnalysed', { error: state.frameError }), tone: 'info' };
    if (state.secondsWithoutResult >= RESULT_EXPIRES_AFTER_S) return { text: t('noRecentResult'), tone: 'warn' };
    return { text: t('analysing'), tone: 'info' };
  }
  const words = workflowWords(locale);
  const audience = audienceOf(state.camera);
  if (state.analysis.faces.length === 0) return { context: t('noFace'), text: words.hint('show-face', audience), tone: 'warn' };
  const count = state.analysis.faces.length;
  const found = count > 1 ? t('facesFound', { count }) : t('faceFound');
  const { ready } = state.shown;
  // "Face found — show your face" would contradict itself while a held "show-face" is still shown.
  const hint = state.shown.hint.shown === 'show-face' && !state.readiness?.hints.includes('show-face') ? null : state.shown.hint.shown;
  if (ready.shown) return { context: found, text: words.ready(state.profile), tone: 'ok' };
  if (hint) return { context: t('verdictNotReady', { found }), text: words.hint(hint, audience), tone: 'warn' };
  return { context: found, text: words.notReady(), tone: 'warn' };
}
