export {
  createFaceLandmarker,
  validateFaceLandmarkerConfig,
  type DetectOptions,
  type FaceLandmarker,
  type FaceLandmarkerConfig,
  type FaceLandmarkerOptions,
  type FaceLandmarkerResult,
  type FaceLandmarkSource,
} from './face-landmarker';
export { FaceModelLoadError, type ModelSource } from './load-face-model';
export { DEFAULT_FACE_LANDMARKER_CONFIG } from './constants';
export type { Box, FaceLandmarks, Point3 } from './types';
