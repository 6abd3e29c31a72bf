/**
 * Every message that crosses a context boundary in FaceReady, with its validator. Receivers call
 * `parse(…)` on anything they get: page-side messages in particular come from a world the page
 * controls and are treated as untrusted.
 *
 *   camera tap (MAIN world) ──window.postMessage──▶ overlay (ISOLATED world)
 *   overlay ──runtime port "faceready/engine"──▶ offscreen engine ──▶ overlay
 *   overlay / popup ──runtime.sendMessage──▶ background
 */
import { arrayOf, bool, instance, literal, nullable, num, numberIn, object, optional, str, tagged, text, tuple, type Check, type Checked } from './check';
import { explanationWire, wireImage } from './explanation-wire';
import { MEASURE_IDS, type MeasureId, type MeasureValue } from './quality-measures';

/** Limits on what a frame may claim to be, so a hostile page cannot make the engine allocate wildly. */
export const FRAME_LIMITS = { maxSide: 1024, maxFaces: 8 } as const;

// ── camera tap (MAIN) → overlay (ISOLATED) ────────────────────────────────────────────────
// Everything on these channels may come from the page itself: every field has a cap, and the text
// in it (ids, labels) is never shown as FaceReady's own words (docs/security.md).
export const TAP_CHANNEL = 'faceready/tap';
export const OVERLAY_CHANNEL = 'faceready/overlay';

/** Caps on the page-supplied fields of tap messages; the tap itself shortens what it sends to fit. */
export const TAP_LIMITS = {
  /** A source id: "camera:<track id>", "remote:<track id>", "video:<n>"; a remote peer chooses its track ids. */
  idLength: 160,
  /** A track label or a video's URL, shown only as the picker's tooltip. */
  detailLength: 300,
  /** Ordinals and counts of sources over the page's life. */
  maxCount: 1_000_000,
  /** Time stamps (performance.now(), ms). */
  maxTimeMs: 1e12,
} as const;

const sourceId = text(TAP_LIMITS.idLength);
const pageDetail = text(TAP_LIMITS.detailLength);
const timeMs = numberIn(0, TAP_LIMITS.maxTimeMs);
const count = numberIn(0, TAP_LIMITS.maxCount, { integer: true });
/**
 * The sampled frame; checked for what it is, as the structured clone keeps it, and for its size: the
 * tap never samples more than FRAME_LIMITS.maxSide a side, so a larger bitmap is forged and is
 * refused (and closed by the receiver) before anything encodes or keeps its pixels.
 */
const imageBitmap = instance(
  `an ImageBitmap of 1–${FRAME_LIMITS.maxSide} px a side`,
  (v): v is ImageBitmap =>
    typeof ImageBitmap === 'function' &&
    v instanceof ImageBitmap &&
    [v.width, v.height].every((side) => Number.isInteger(side) && side >= 1 && side <= FRAME_LIMITS.maxSide),
);

const tapFrame = object({
  channel: literal(TAP_CHANNEL),
  type: literal('frame'),
  streamId: sourceId,
  capturedAt: timeMs,
  grabMs: timeMs,
  bitmap: imageBitmap,
});
/** The videos a page plays that FaceReady can analyse: its own camera, incoming WebRTC tracks, other <video> elements. */
const sourceKind = literal('camera', 'remote', 'video');
export type SourceKind = Checked<typeof sourceKind>;
/** Why a page video cannot be analysed: its pixels come from another site without CORS, or it is DRM-protected. */
const unreadableReason = literal('cross-origin', 'protected');
export type UnreadableReason = Checked<typeof unreadableReason>;
const videoSourceInfo = object({
  id: sourceId,
  kind: sourceKind,
  /** 1 for the first source of its kind on this page, 2 for the next…; the overlay words the label from it. */
  ordinal: numberIn(1, TAP_LIMITS.maxCount, { integer: true }),
  /** What the page calls it (a track label, a video URL); may be empty. */
  detail: pageDetail,
  /** null when FaceReady can read its pixels. */
  unreadable: nullable(unreadableReason),
});
export type VideoSourceInfo = Checked<typeof videoSourceInfo>;
export const MAX_VIDEO_SOURCES = 32;
/** The live source list, sent whenever it or the sampled source changes; `sampledId` is the one analysed. */
const tapSources = object({ channel: literal(TAP_CHANNEL), type: literal('sources'), sources: arrayOf(videoSourceInfo, MAX_VIDEO_SOURCES), sampledId: nullable(sourceId) });
/** Analysis (re)starts on a source; `streamId` is its source id, `label` the page's name for it. */
const tapCameraStarted = object({ channel: literal(TAP_CHANNEL), type: literal('camera-started'), streamId: sourceId, label: pageDetail, kind: sourceKind });
/** The analysed source ended; `liveStreams` > 0 when analysis moves on to another source (its camera-started follows). */
const tapCameraEnded = object({ channel: literal(TAP_CHANNEL), type: literal('camera-ended'), streamId: sourceId, liveStreams: count });
/**
 * What went wrong in the tap, as a code the overlay words itself: the video could not be played
 * for sampling, a frame could not be read from it, or following the page's videos failed. A code
 * and never text, so a page posting its own tap-error cannot speak in FaceReady's voice.
 */
export const tapErrorCode = literal('play-failed', 'grab-failed', 'tap-failed');
export type TapErrorCode = Checked<typeof tapErrorCode>;
const tapError = object({ channel: literal(TAP_CHANNEL), type: literal('tap-error'), code: tapErrorCode });
/**
 * The page's getUserMedia failed, by the error's NAME sorted into what the user can do about it:
 * the camera was refused (NotAllowedError, SecurityError), there is none that fits (NotFoundError,
 * OverconstrainedError), it is in use or broken (NotReadableError, AbortError), or something else.
 */
export const cameraErrorCode = literal('denied', 'missing', 'busy', 'failed');
export type CameraErrorCode = Checked<typeof cameraErrorCode>;
const tapCameraError = object({ channel: literal(TAP_CHANNEL), type: literal('camera-error'), code: cameraErrorCode });
export const tapMessage = tagged('type', {
  'camera-error': tapCameraError,
  frame: tapFrame,
  'camera-started': tapCameraStarted,
  'camera-ended': tapCameraEnded,
  'tap-error': tapError,
  sources: tapSources,
});
export type TapMessage = Checked<typeof tapMessage>;
export type TapFrameMessage = Checked<typeof tapFrame>;

/** overlay → tap: how to sample. */
export const tapConfig = object({
  channel: literal(OVERLAY_CHANNEL),
  type: literal('configure'),
  fps: numberIn(0.1, 60),
  maxSide: numberIn(1, FRAME_LIMITS.maxSide, { integer: true }),
  /** Whose video automatic selection looks for first (the user's role on the site). */
  prefer: literal('camera', 'remote'),
});
export type TapConfig = Checked<typeof tapConfig>;
/** overlay → tap: the user picked this source to analyse. */
const tapSelectSource = object({ channel: literal(OVERLAY_CHANNEL), type: literal('select-source'), sourceId });
export type TapSelectSource = Checked<typeof tapSelectSource>;
/** overlay → tap: stop sampling (the site was turned off, or FaceReady went away); the next `configure` resumes. */
const tapStop = object({ channel: literal(OVERLAY_CHANNEL), type: literal('stop') });
export type TapStop = Checked<typeof tapStop>;
export const overlayToTap = tagged('type', { configure: tapConfig, 'select-source': tapSelectSource, stop: tapStop });
export type OverlayToTap = Checked<typeof overlayToTap>;

// ── overlay ⇄ offscreen engine (runtime port) ─────────────────────────────────────────────
export const ENGINE_PORT = 'faceready/engine';

/** Base64 characters of the largest frame: maxSide² RGBA pixels (a JPEG is far smaller). */
const MAX_FRAME_DATA_LENGTH = 4 * Math.ceil((FRAME_LIMITS.maxSide * FRAME_LIMITS.maxSide * 4) / 3);

const wireFrame = object({
  frameId: num,
  /** The tap's source id, passed through (and recorded in an exported report). */
  streamId: sourceId,
  capturedAt: num,
  sentAt: num,
  width: num,
  height: num,
  /**
   * Runtime messaging is JSON, so pixels travel as base64: either a JPEG of the frame or its raw
   * RGBA bytes. docs/live-pipeline.md records the measurement behind the default.
   */
  encoding: literal('jpeg', 'rgba'),
  data: text(MAX_FRAME_DATA_LENGTH),
});
export type WireFrame = Checked<typeof wireFrame>;
/** The streamId of a still image (the check page): analysed on its own, never tracked from the frame before. */
export const STILL_STREAM_ID = 'still';

const explainMethod = literal('combined', 'gradcam', 'lime', 'all');
const limeMode = literal('fast', 'reference');
export const EXPLAIN_LIMITS = { minSamples: 10, maxSamples: 5000 } as const;

export const engineRequest = tagged('type', {
  analyze: object({ type: literal('analyze'), frame: wireFrame }),
  /** Explain the last frame this port had analysed (the one whose verdict the user sees). */
  explain: object({ type: literal('explain'), requestId: num, method: explainMethod, limeMode, limeSamples: num }),
  'cancel-explain': object({ type: literal('cancel-explain'), requestId: num }),
  /** How much memory the engine holds (for `npm run soak`). */
  memory: object({ type: literal('memory') }),
});
export type EngineRequest = Checked<typeof engineRequest>;

const point3 = tuple(num, num, num);
const box = object({ x: num, y: num, width: num, height: num });
const faceSummary = object({
  box,
  detectorScore: num,
  meshScore: num,
  mesh: arrayOf(point3, 468),
  iris: optional(object({ left: arrayOf(point3, 5), right: arrayOf(point3, 5) })),
  luminance: nullable(num),
});
export type FaceSummary = Checked<typeof faceSummary>;

const qualityClass = literal('blur', 'eyeglasses', 'good', 'covered', 'wrong');
const quality = object({
  label: qualityClass,
  confidence: num,
  uncertain: bool,
  probabilities: object({ blur: num, eyeglasses: num, good: num, covered: num, wrong: num }),
});
export type QualitySummary = Checked<typeof quality>;

const eyeState = literal('open', 'closed', 'uncertain');
const eye = object({ state: eyeState, ear: num });
/**
 * openness: mean EAR (the live baseline's quantity); closedLogit: the eye-crop model's mean logit (> 0 closed-looking);
 * confidentlyClosed: every cue says closed for both eyes; haarState is uncertain when the cascade did not run.
 */
const eyes = object({ state: eyeState, landmarkState: eyeState, haarState: eyeState, openness: num, closedLogit: num, confidentlyClosed: bool, cascadeRan: bool, right: eye, left: eye });
export type EyeSummary = Checked<typeof eyes>;

const measureValue: Check<MeasureValue> = object({ raw: num, score: num });
/** Every known measure is optional (absent = not computable on this frame); unknown keys are dropped, as everywhere. */
const measures: Check<Partial<Record<MeasureId, MeasureValue>>> = object(
  Object.fromEntries(MEASURE_IDS.map((id) => [id, optional(measureValue)])) as Record<MeasureId, Check<MeasureValue | undefined>>,
);
/** Why the verdict is what it is: the classifier, or the measures whose failure decided it. */
const verdictEvidence = literal('classifier', ...MEASURE_IDS);
const verdict = object({ label: qualityClass, uncertain: bool, evidence: arrayOf(verdictEvidence, MEASURE_IDS.length + 1) });
/** The quality verdict FaceReady gives: the classifier and the quality measures together (src/model/fusion). */
export type FusedVerdict = Checked<typeof verdict>;

const frameAnalysis = object({
  frameId: num,
  streamId: sourceId,
  width: num,
  height: num,
  capturedAt: num,
  backend: str,
  faces: arrayOf(faceSummary, FRAME_LIMITS.maxFaces),
  /** The five-class verdict on the largest face's crop, or on the whole frame when no face was found. */
  quality,
  /** ISO/IEC 29794-5-style measures of the largest face (src/model/measures); null when no face was found. */
  measures: nullable(measures),
  /** The verdict shown to the user: the classifier's label, confirmed or overridden by the measures. */
  verdict,
  /** Eye state of the largest face; only computed when it is confidently `good`. */
  eyes: nullable(eyes),
  timings: object({ transportMs: num, decodeMs: num, detectorMs: num, meshMs: num, irisMs: num, classifierMs: num, eyesMs: num, measuresMs: num, totalMs: num }),
});
export type FrameAnalysis = Checked<typeof frameAnalysis>;

const engineState = tagged('state', {
  loading: object({ state: literal('loading') }),
  /** `webglLost`: this engine replaced one whose WebGL context was lost, on a backend other than WebGL. */
  ready: object({ state: literal('ready'), backend: str, webglLost: optional(bool) }),
  error: object({ state: literal('error'), error: str }),
});
export type EngineState = Checked<typeof engineState>;

export const engineEvent = tagged('type', {
  'engine-state': object({ type: literal('engine-state'), state: engineState }),
  analysis: object({ type: literal('analysis'), analysis: frameAnalysis }),
  'analysis-error': object({ type: literal('analysis-error'), frameId: num, error: str }),
  /** The frozen frame being explained (the classifier's crop), sent first so the panel shows it at once. */
  'explain-started': object({ type: literal('explain-started'), requestId: num, frame: wireImage }),
  'explain-progress': object({ type: literal('explain-progress'), requestId: num, method: literal('combined', 'gradcam', 'lime'), stage: literal('segment', 'gradcam', 'overlay', 'sample', 'predict', 'fit'), fraction: num }),
  /** The explanations ready so far (Grad-CAM first), while the rest are computed. */
  'explain-partial': object({ type: literal('explain-partial'), requestId: num, explanation: explanationWire }),
  explanation: object({
    type: literal('explanation'),
    requestId: num,
    explanation: explanationWire,
    /** The class explained (the prediction for the explained frame) and its probability. */
    predicted: object({ name: str, probability: num }),
    ms: num,
  }),
  'explain-error': object({ type: literal('explain-error'), requestId: num, error: str, cancelled: bool }),
  /** tf.memory() of the engine's backend: live tensors and their bytes (null before the engine is ready). */
  memory: object({ type: literal('memory'), tensors: nullable(num), bytes: nullable(num) }),
});
export type EngineEvent = Checked<typeof engineEvent>;

// ── anyone → background (runtime.sendMessage) ─────────────────────────────────────────────
/** Longest WebGL renderer string accepted (real ones are about 100 characters); the engine remembers none longer. */
export const MAX_WEBGL_RENDERER_LENGTH = 256;
export const backgroundRequest = tagged('type', {
  /** From any of FaceReady's contexts (overlays included): starts the offscreen engine if it is not running. */
  'ensure-engine': object({ type: literal('ensure-engine') }),
  /** From any of FaceReady's contexts: opens FaceReady's help in a new tab (the overlay's Help button; a page cannot link to it). */
  'open-help': object({ type: literal('open-help') }),
  /**
   * Privileged, from the engine's offscreen document: what its WebGL probe found (the renderer; null: no
   * WebGL), remembered for the browser session so that a restarted engine need not probe again.
   */
  'webgl-probed': object({ type: literal('webgl-probed'), renderer: nullable(text(MAX_WEBGL_RENDERER_LENGTH)) }),
  /** Privileged: accepted only from FaceReady's own pages (popup, options), never from a content script. */
  'set-site-enabled': object({ type: literal('set-site-enabled'), origin: text(2048), enabled: bool }),
});
export const PRIVILEGED_BACKGROUND_REQUESTS: ReadonlySet<BackgroundRequest['type']> = new Set(['set-site-enabled', 'webgl-probed']);
export type BackgroundRequest = Checked<typeof backgroundRequest>;
export type BackgroundReply = { ok: true } | { ok: false; error: string };

// ── background → overlay (tabs.sendMessage) ───────────────────────────────────────────────
/** The `commands` key (manifest) that shows or hides the panel on the current tab. */
export const TOGGLE_PANEL_COMMAND = 'toggle-panel';
export const backgroundToOverlay = tagged('type', { 'toggle-panel': object({ type: literal('toggle-panel') }) });
export type BackgroundToOverlay = Checked<typeof backgroundToOverlay>;
