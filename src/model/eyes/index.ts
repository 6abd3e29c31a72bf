export { createEyeStateDetector, landmarksAmbiguous, validateEyeStateConfig } from './eye-state-detector';
export type { EyeResult, EyeStateDetector, EyeStateDetectorOptions, EyeStateResult } from './eye-state-detector';
export { DEFAULT_EYE_STATE_CONFIG, EYE_SMOOTHING, type CascadeRuns, type EyeSmoothingConfig, type EyeStateConfig } from './constants';
export type { EyeState } from './fuse-eye-state';
export {
  classifyFrame,
  closureEvidence,
  closureIsSure,
  INITIAL_SMOOTHED_EYE_STATE,
  smoothEyeState,
  type Closure,
  type EyeObservation,
  type FrameEyeClass,
  type SmoothedEyeState,
} from './eye-state-smoother';
export { parseHaarCascade } from './parse-haar-cascade';
export { detectMultiScale, DEFAULT_DETECT_MULTI_SCALE_OPTIONS, type DetectMultiScaleOptions } from './detect-multi-scale';
export type { HaarCascade, PixelRect } from './haar-types';
