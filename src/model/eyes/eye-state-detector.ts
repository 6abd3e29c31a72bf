import type { RgbaImage } from '../../image';
import type { FaceLandmarks } from '../face/types';
import { DEFAULT_EYE_STATE_CONFIG, EYE_REGION_CONFIG, type EyeSide, type EyeStateConfig } from './constants';
import { detectMultiScale } from './detect-multi-scale';
import { eyeRegion, extractRegion } from './eye-region';
import { measureEyeOpenness, type EyeOpenness } from './eye-openness';
import { fuseEye, fuseFace, type EyeState } from './fuse-eye-state';
import type { HaarCascade, PixelRect } from './haar-types';
import { parseHaarCascade } from './parse-haar-cascade';

export interface EyeResult {
  state: EyeState;
  /** Landmark state alone: EAR against the calibrated EAR threshold. */
  landmarkState: EyeState;
  /** Cascade alone (the paper's method): open when it fires in the eye region, closed otherwise. */
  haarState: EyeState;
  ear: number;
  irisVisibility: number | null;
  fusedScore: number | null;
  /** The searched region and the cascade's detections in it, in image pixels; null when the eye was too small. */
  region: PixelRect | null;
  haarHits: PixelRect[] | null;
}

export interface EyeStateResult {
  /** Both eyes: "uncertain" also when the face's mesh confidence is low. */
  state: EyeState;
  landmarkState: EyeState;
  haarState: EyeState;
  /** The subject's eyes. */
  right: EyeResult;
  left: EyeResult;
  /** Wall time of run() (landmark measures, gray conversion of the two eye regions, cascade, fusion). */
  timings: { totalMs: number };
}

export interface EyeStateDetector {
  run(image: RgbaImage, face: FaceLandmarks): EyeStateResult;
  dispose(): void;
}

export interface EyeStateDetectorOptions extends Partial<EyeStateConfig> {
  /** haarcascade_eye.xml as text, or a loader for it (the extension fetches it, Node reads the file). */
  cascade: string | (() => Promise<string>);
}

/** Fills unset fields from DEFAULT_EYE_STATE_CONFIG without touching the input. */
export function validateEyeStateConfig(options: Partial<EyeStateConfig>): EyeStateConfig {
  const config = { ...DEFAULT_EYE_STATE_CONFIG };
  for (const key of Object.keys(config) as (keyof EyeStateConfig)[]) {
    if (options[key] != null) (config as Record<string, unknown>)[key] = options[key];
  }
  config.haar = { ...DEFAULT_EYE_STATE_CONFIG.haar, ...options.haar };
  return config;
}

export async function createEyeStateDetector(options: EyeStateDetectorOptions): Promise<EyeStateDetector> {
  const xml = typeof options.cascade === 'string' ? options.cascade : await options.cascade();
  const cascade = parseHaarCascade(xml);
  const config = validateEyeStateConfig(options);
  return { run: (image, face) => runEyeState(cascade, config, image, face), dispose: () => undefined };
}

function runEyeState(cascade: HaarCascade, config: EyeStateConfig, image: RgbaImage, face: FaceLandmarks): EyeStateResult {
  const started = performance.now();
  const eye = (side: EyeSide) => runEye(cascade, config, image, measureEyeOpenness(face, side));
  const right = eye('right');
  const left = eye('left');
  const fused = fuseFace({ state: right.state, score: right.fusedScore }, { state: left.state, score: left.fusedScore }, config);
  const lowConfidence = face.meshScore < config.minMeshScore;
  const totalMs = performance.now() - started;
  return {
    state: lowConfidence ? 'uncertain' : fused.state,
    landmarkState: lowConfidence ? 'uncertain' : bothEyes(right.landmarkState, left.landmarkState, (right.ear + left.ear) / 2 >= config.earThreshold),
    haarState: bothEyes(right.haarState, left.haarState, right.haarState === 'open' || left.haarState === 'open'),
    right,
    left,
    timings: { totalMs },
  };
}

/** One eye: landmark opening, the cascade in the eye's region (resampled to a fixed size), fusion. */
function runEye(cascade: HaarCascade, config: EyeStateConfig, image: RgbaImage, openness: EyeOpenness): EyeResult {
  const { ear, irisVisibility, widthPx, center } = openness;
  let region: PixelRect | null = null;
  let haarHits: PixelRect[] | null = null;
  if (widthPx >= EYE_REGION_CONFIG.minEyeWidthPx) {
    const r = eyeRegion(center, widthPx * EYE_REGION_CONFIG.sizeInEyeWidths);
    const size = EYE_REGION_CONFIG.resampledSize;
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
