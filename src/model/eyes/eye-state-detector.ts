import type { RgbaImage } from '../../image';
import type { FaceLandmarks } from '../face/types';
import { DEFAULT_EYE_STATE_CONFIG, MIN_CASCADE_EYE_WIDTH_PX, type EyeSide, type EyeStateConfig } from './constants';
import { detectMultiScale } from './detect-multi-scale';
import { eyeRegion, extractRegion } from './eye-region';
import { measureEyeOpenness, type EyeOpenness } from './eye-openness';
import { closedLogit, validateEyePatchModel, type EyePatchModel } from './eye-patch-model';
import { fuseEye, fuseFace, type EyeState } from './fuse-eye-state';
import type { HaarCascade, PixelRect } from './haar-types';
import { parseHaarCascade } from './parse-haar-cascade';

export interface EyeResult {
  state: EyeState;
  /** Landmark state alone: EAR against the calibrated EAR threshold. */
  landmarkState: EyeState;
  /** Cascade alone (the paper's method): open when it fires in the eye region, closed otherwise; uncertain when it did not run. */
  haarState: EyeState;
  ear: number;
  /** The eye-crop model's logit (> 0: the eye looks closed). */
  closedLogit: number;
  irisVisibility: number | null;
  fusedScore: number | null;
  /** The searched region and the cascade's detections in it, in image pixels; null when the cascade did not run. */
  region: PixelRect | null;
  haarHits: PixelRect[] | null;
}

export interface EyeStateResult {
  /**
   * Both eyes: closed only when the lids (mean EAR, with the cascade's vote) and the eyes' appearance
   * (the eye-crop model's mean logit) both say closed; "uncertain" when the mesh confidence is low.
   */
  state: EyeState;
  landmarkState: EyeState;
  haarState: EyeState;
  /** Mean EAR of the two eyes: the quantity the live smoother takes the person's open-eye baseline of. */
  openness: number;
  /** The eye-crop model's mean logit over the two eyes. */
  closedLogit: number;
  /**
   * Both eyes look closed and the lids agree: each eye's logit above closedLogitThreshold, the more
   * open eye's EAR below confidentMaxEar, the face state closed (lids with the cascade's vote), the mesh confident. The only frames that can
   * start or carry a closure in video; how sure the closure is comes from its frames' mean logit (eye-state-smoother.ts).
   */
  confidentlyClosed: boolean;
  /** Whether the cascade ran on this face (always, or only when the landmarks were ambiguous). */
  cascadeRan: boolean;
  /** The subject's eyes. */
  right: EyeResult;
  left: EyeResult;
  /** Wall time of run() (landmark measures, and when it runs, gray conversion of the two eye regions and the cascade; fusion). */
  timings: { totalMs: number };
}

export interface EyeStateDetector {
  run(image: RgbaImage, face: FaceLandmarks): EyeStateResult;
  dispose(): void;
}

export interface EyeStateDetectorOptions extends Partial<EyeStateConfig> {
  /** haarcascade_eye.xml as text, or a loader for it (the extension fetches it, Node reads the file). */
  cascade: string | (() => Promise<string>);
  /** The eye-crop model (public/models/eyes/eye-patch-model.json), parsed, or a loader for its JSON. */
  patchModel: EyePatchModel | (() => Promise<unknown>);
}

/** Fills unset fields from DEFAULT_EYE_STATE_CONFIG without touching the input. */
export function validateEyeStateConfig(options: Partial<EyeStateConfig>): EyeStateConfig {
  const config = { ...DEFAULT_EYE_STATE_CONFIG };
  for (const key of Object.keys(config) as (keyof EyeStateConfig)[]) {
    if (options[key] != null) (config as Record<string, unknown>)[key] = options[key];
  }
  config.haar = { ...DEFAULT_EYE_STATE_CONFIG.haar, ...options.haar };
  config.region = { ...DEFAULT_EYE_STATE_CONFIG.region, ...options.region };
  return config;
}

export async function createEyeStateDetector(options: EyeStateDetectorOptions): Promise<EyeStateDetector> {
  const xml = typeof options.cascade === 'string' ? options.cascade : await options.cascade();
  const cascade = parseHaarCascade(xml);
  const patchModel = validateEyePatchModel(typeof options.patchModel === 'function' ? await options.patchModel() : options.patchModel);
  const config = validateEyeStateConfig(options);
  return { run: (image, face) => runEyeState({ cascade, patchModel }, config, image, face), dispose: () => undefined };
}

/**
 * Whether the cascade can change the face's state: it only ever adds haarBonus to an eye's score, so
 * it decides only when the mean EAR lies in [fusedThreshold − haarBonus, fusedThreshold) (widened by
 * the uncertain margin). Outside that band the fused state is the same whether it runs or not.
 */
export function landmarksAmbiguous(meanEar: number, config: Pick<EyeStateConfig, 'fusedThreshold' | 'haarBonus' | 'uncertainMargin'>): boolean {
  return meanEar >= config.fusedThreshold - config.haarBonus - config.uncertainMargin && meanEar < config.fusedThreshold + config.uncertainMargin;
}

interface EyeModels {
  cascade: HaarCascade;
  patchModel: EyePatchModel;
}

function runEyeState(models: EyeModels, config: EyeStateConfig, image: RgbaImage, face: FaceLandmarks): EyeStateResult {
  const started = performance.now();
  const rightOpenness = measureEyeOpenness(face, 'right');
  const leftOpenness = measureEyeOpenness(face, 'left');
  const openness = (rightOpenness.ear + leftOpenness.ear) / 2;
  const cascadeRan =
    config.cascadeRuns === 'always' || face.meshScore < config.unsureMeshScore || landmarksAmbiguous(openness, config);
  const eye = (o: EyeOpenness, side: EyeSide) => runEye(models.cascade, config, image, o, cascadeRan, closedLogit(models.patchModel, image, face, side));
  const right = eye(rightOpenness, 'right');
  const left = eye(leftOpenness, 'left');
  const fused = fuseFace({ state: right.state, score: right.fusedScore }, { state: left.state, score: left.fusedScore }, config);
  const meanLogit = (right.closedLogit + left.closedLogit) / 2;
  // closed needs both kinds of evidence: a lid ratio alone misreads some people's open eyes
  const state: EyeState = fused.state === 'closed' && meanLogit <= config.closedLogitThreshold ? 'open' : fused.state;
  const lowConfidence = face.meshScore < config.minMeshScore;
  // each eye must look closed by itself, and the lids must not look open. The cascade is no veto here:
  // on new faces and degraded video it fires on closed eyes too; its vote counts through the lids' score.
  const looksClosed = (e: EyeResult) => e.closedLogit > config.closedLogitThreshold;
  const totalMs = performance.now() - started;
  return {
    state: lowConfidence ? 'uncertain' : state,
    landmarkState: lowConfidence ? 'uncertain' : bothEyes(right.landmarkState, left.landmarkState, openness >= config.earThreshold),
    haarState: bothEyes(right.haarState, left.haarState, right.haarState === 'open' || left.haarState === 'open'),
    openness,
    closedLogit: meanLogit,
    confidentlyClosed:
      !lowConfidence && state === 'closed' && looksClosed(right) && looksClosed(left) && Math.max(right.ear, left.ear) < config.confidentMaxEar,
    cascadeRan,
    right,
    left,
    timings: { totalMs },
  };
}

/** One eye: landmark opening, the cascade in the eye's region (resampled to a fixed size) when asked, fusion. */
function runEye(cascade: HaarCascade, config: EyeStateConfig, image: RgbaImage, openness: EyeOpenness, runCascade: boolean, closedLogit: number): EyeResult {
  const { ear, irisVisibility, widthPx, center } = openness;
  let region: PixelRect | null = null;
  let haarHits: PixelRect[] | null = null;
  if (runCascade && widthPx >= MIN_CASCADE_EYE_WIDTH_PX) {
    const r = eyeRegion(center, widthPx * config.region.sizeInEyeWidths);
    const size = config.region.resampledSize;
    const scale = r.width / size;
    region = r;
    haarHits = detectMultiScale(cascade, extractRegion(image, r, size), config.haar).map((h) => ({
      x: r.x + h.x * scale,
      y: r.y + h.y * scale,
      width: h.width * scale,
      height: h.height * scale,
    }));
  }
  const fused = fuseEye({ ear, haarHits: haarHits?.length ?? null }, config);
  return {
    state: fused.state,
    landmarkState: ear >= config.earThreshold ? 'open' : 'closed',
    haarState: haarHits === null ? 'uncertain' : haarHits.length > 0 ? 'open' : 'closed',
    ear,
    closedLogit,
    irisVisibility,
    fusedScore: fused.score,
    region,
    haarHits,
  };
}

/** Face-level state from two eyes: agreement wins; otherwise the tie-break the caller computed. */
function bothEyes(right: EyeState, left: EyeState, openOnDisagreement: boolean): EyeState {
  if (right === left) return right;
  if (right === 'uncertain' || left === 'uncertain') return right === 'uncertain' ? left : right;
  return openOnDisagreement ? 'open' : 'closed';
}
