import * as tf from '@tensorflow/tfjs';
import type { RgbaImage } from '../../image';
import { boundsOfPoints } from './calculators/bounds-of-points';
import { calculateRoi } from './calculators/calculate-roi';
import { decodeDetections } from './calculators/decode-detections';
import { generateAnchors } from './calculators/generate-anchors';
import { imageRoi } from './calculators/image-roi';
import { projectDetection } from './calculators/project-detection';
import { projectLandmarks } from './calculators/project-landmarks';
import { refineEyeLandmarks } from './calculators/refine-eye-landmarks';
import { roiToAffine } from './calculators/roi-to-affine';
import type { Affine, Detection, Point2, RotatedRect } from './calculators/types';
import { weightedNonMaxSuppression } from './calculators/weighted-non-max-suppression';
import {
  DEFAULT_FACE_LANDMARKER_CONFIG,
  DETECTOR_CONFIG,
  EYE_CONTOUR_MESH_INDICES,
  IRIS_CONFIG,
  IRIS_ROI_CONFIG,
  MESH_CONFIG,
  MESH_ROI_CONFIG,
} from './constants';
import { cropRoi } from './crop-roi';
import { imageToTensor } from './image-to-tensor';
import { loadFaceModel, type ModelSource } from './load-face-model';
import { boxFromMesh, boxInMesh, canFollow, FaceTrackStore, roiFromLandmarks, trackHolds, type BoxInMesh, type FaceTrack } from './face-tracking';
import type { Box, FaceLandmarks, Point3 } from './types';

export interface FaceLandmarkerOptions {
  models: { detector: ModelSource; mesh: ModelSource; iris?: ModelSource };
  /** Most faces returned, best detector score first. Default 2. */
  maxFaces?: number;
  /** Minimum BlazeFace score, 0..1. Default 0.5. */
  minDetectionScore?: number;
  /** Minimum face-mesh "face present" score, 0..1. Default 0.5. */
  minPresenceScore?: number;
  /** Refine eyes with the iris model (needs `models.iris`). Default true. */
  refineIris?: boolean;
  /** Per-model load timeout. Default 60 s. */
  loadTimeoutMs?: number;
  /** A tracked stream runs the detector at least every this many frames. Default 10; 1 turns tracking off. */
  redetectEvery?: number;
  /** A tracked stream idle for longer than this (ms) starts again from the detector. Default 2000. */
  maxTrackGapMs?: number;
  /** Streams tracked at once. Default 16. */
  maxTrackedStreams?: number;
}

export interface DetectOptions {
  /**
   * Follow the faces of this stream (one key per video stream and sender): the mesh region comes from
   * the previous frame's landmarks and the detector runs only when needed. Leave it out for a still
   * image, which must never inherit another image's faces.
   */
  track?: string;
}

export type FaceLandmarkerConfig = Required<Omit<FaceLandmarkerOptions, 'models'>>;

export interface FaceLandmarkerResult {
  faces: FaceLandmarks[];
  /** Wall time per stage, including reading results back from the backend; detectorMs is 0 when the faces were tracked. */
  timings: { detectorMs: number; meshMs: number; irisMs: number };
  /** False when the faces came from the previous frame's track without running the detector. */
  detectorRan: boolean;
}

/** Anything that finds face landmarks; a MediaPipe tasks-vision source could implement it too. */
export interface FaceLandmarkSource {
  /** Faces in the image (RGBA, or a [h, w, 3|4] tensor of 0..255 the caller keeps owning). */
  detect(image: RgbaImage | tf.Tensor3D, options?: DetectOptions): Promise<FaceLandmarkerResult>;
  dispose(): void;
}

export interface FaceLandmarker extends FaceLandmarkSource {
  readonly config: Readonly<FaceLandmarkerConfig>;
}

/** Options with every unset field filled from DEFAULT_FACE_LANDMARKER_CONFIG (the input is not changed). */
export function validateFaceLandmarkerConfig(options: Omit<FaceLandmarkerOptions, 'models'>): FaceLandmarkerConfig {
  const config = { ...DEFAULT_FACE_LANDMARKER_CONFIG };
  for (const key of Object.keys(config) as (keyof FaceLandmarkerConfig)[]) {
    if (options[key] != null) (config as Record<string, unknown>)[key] = options[key];
  }
  if (!Number.isInteger(config.maxFaces) || config.maxFaces < 1) throw new RangeError(`maxFaces must be a positive integer, got ${config.maxFaces}`);
  for (const key of ['minDetectionScore', 'minPresenceScore'] as const) {
    if (!(config[key] >= 0 && config[key] <= 1)) throw new RangeError(`${key} must be within 0..1, got ${config[key]}`);
  }
  for (const key of ['redetectEvery', 'maxTrackedStreams'] as const) {
    if (!Number.isInteger(config[key]) || config[key] < 1) throw new RangeError(`${key} must be a positive integer, got ${config[key]}`);
  }
  if (!(config.maxTrackGapMs >= 0)) throw new RangeError(`maxTrackGapMs must be ≥ 0, got ${config.maxTrackGapMs}`);
  return config;
}

/** Loads the models and returns a landmarker; rejects with FaceModelLoadError naming the file that failed. */
export async function createFaceLandmarker(options: FaceLandmarkerOptions): Promise<FaceLandmarker> {
  const config = validateFaceLandmarkerConfig(options);
  const { detector: detectorSource, mesh: meshSource, iris: irisSource } = options.models;
  const loads = await Promise.allSettled([
    loadFaceModel('detector', detectorSource, DETECTOR_CONFIG.inputSize, config.loadTimeoutMs),
    loadFaceModel('mesh', meshSource, MESH_CONFIG.inputSize, config.loadTimeoutMs),
    config.refineIris && irisSource ? loadFaceModel('iris', irisSource, IRIS_CONFIG.inputSize, config.loadTimeoutMs) : Promise.resolve(undefined),
  ]);
  const failure = loads.find((r) => r.status === 'rejected');
  if (failure) {
    for (const r of loads) if (r.status === 'fulfilled') r.value?.dispose();
    throw failure.reason;
  }
  const [detector, mesh, iris] = loads.map((r) => (r as PromiseFulfilledResult<tf.GraphModel | undefined>).value);
  return new TfjsFaceLandmarker(config, detector!, mesh!, iris);
}

interface MeshFace {
  box: Box;
  detectorScore: number;
  mesh: Point3[];
  meshScore: number;
  /** The region the mesh was found in, and where the detector box sits relative to the mesh. */
  roi: RotatedRect;
  boxInMesh: BoxInMesh;
}

class TfjsFaceLandmarker implements FaceLandmarker {
  private readonly anchors = generateAnchors(DETECTOR_CONFIG.inputSize, DETECTOR_CONFIG.anchorLayers);
  private readonly tracks: FaceTrackStore;

  constructor(
    readonly config: Readonly<FaceLandmarkerConfig>,
    private readonly detector: tf.GraphModel,
    private readonly mesh: tf.GraphModel,
    private readonly iris: tf.GraphModel | undefined,
  ) {
    this.tracks = new FaceTrackStore(config);
  }

  async detect(image: RgbaImage | tf.Tensor3D, options: DetectOptions = {}): Promise<FaceLandmarkerResult> {
    const timings = { detectorMs: 0, meshMs: 0, irisMs: 0 };
    const input = imageToTensor(image);
    try {
      const track = options.track === undefined ? undefined : this.tracks.get(options.track, performance.now());
      let start = performance.now();
      const followed = canFollow(track, this.config) ? await this.followTrack(input, track) : undefined;
      timings.meshMs = performance.now() - start;
      const detectorRan = followed === undefined;
      let meshFaces: MeshFace[];
      if (followed) meshFaces = followed;
      else {
        start = performance.now();
        const detections = await this.detectFaces(input);
        timings.detectorMs = performance.now() - start;
        start = performance.now();
        meshFaces = detections.length > 0 ? await this.estimateMeshes(input, detections) : [];
        timings.meshMs += performance.now() - start;
      }
      start = performance.now();
      const irises = this.iris && meshFaces.length > 0 ? await this.estimateIrises(input, meshFaces, this.iris) : undefined;
      timings.irisMs = performance.now() - start;
      const faces = meshFaces.map((face, i): FaceLandmarks => {
        const result: FaceLandmarks = { box: face.box, detectorScore: face.detectorScore, mesh: face.mesh, meshScore: face.meshScore };
        const eyes = irises?.[i];
        if (eyes) {
          result.mesh = refineEyeLandmarks(refineEyeLandmarks(face.mesh, eyes.right.contour, EYE_CONTOUR_MESH_INDICES.right), eyes.left.contour, EYE_CONTOUR_MESH_INDICES.left);
          result.iris = { left: eyes.left.iris, right: eyes.right.iris };
        }
        return result;
      });
      if (options.track !== undefined) {
        const next: FaceTrack = {
          faces: meshFaces.map((face) => ({ roi: roiFromLandmarks(face.mesh), boxInMesh: face.boxInMesh, detectorScore: face.detectorScore })),
          framesSinceDetection: detectorRan ? 0 : track!.framesSinceDetection + 1,
        };
        this.tracks.set(options.track, next, performance.now());
      }
      return { faces, timings, detectorRan };
    } finally {
      input.dispose();
    }
  }

  dispose(): void {
    this.tracks.clear();
    this.detector.dispose();
    this.mesh.dispose();
    this.iris?.dispose();
  }

  /** BlazeFace on the letterboxed image → decoded, suppressed detections in image pixels. */
  private async detectFaces(input: tf.Tensor4D): Promise<Detection[]> {
    const [, height, width] = input.shape;
    const letterbox = roiToAffine(imageRoi(width, height, DETECTOR_CONFIG.letterboxScale), DETECTOR_CONFIG.inputSize);
    const [regressors, logits] = tf.tidy(() => {
      const crop = cropRoi(input, letterbox, DETECTOR_CONFIG.inputSize, DETECTOR_CONFIG.inputRange, 'constant');
      return concatDetectorOutputs(this.detector.execute(crop) as tf.Tensor[]);
    });
    const [rows, scores] = await Promise.all([regressors.data(), logits.data()]).finally(() => tf.dispose([regressors, logits]));
    const candidates = decodeDetections(rows, scores, this.anchors, {
      numKeypoints: DETECTOR_CONFIG.numKeypoints,
      minScore: this.config.minDetectionScore,
      scoreClip: DETECTOR_CONFIG.scoreClip,
    });
    return weightedNonMaxSuppression(candidates, DETECTOR_CONFIG.nmsIouThreshold, this.config.maxFaces).map((d) => projectDetection(d, letterbox));
  }

  /** The detections' meshes (one batched run over their rotated crops); faces below the presence score are dropped. */
  private async estimateMeshes(input: tf.Tensor4D, detections: Detection[]): Promise<MeshFace[]> {
    const rois = detections.map((d) =>
      calculateRoi(d.box, d.keypoints[MESH_ROI_CONFIG.rotationStart], d.keypoints[MESH_ROI_CONFIG.rotationEnd], MESH_ROI_CONFIG.scale),
    );
    const meshes = await this.meshesInRegions(input, rois);
    const faces: MeshFace[] = [];
    detections.forEach(({ box: { xMin, yMin, xMax, yMax }, score }, i) => {
      const { mesh, meshScore } = meshes[i];
      if (meshScore < this.config.minPresenceScore) return;
      const box = { x: xMin, y: yMin, width: xMax - xMin, height: yMax - yMin };
      faces.push({ box, detectorScore: score, mesh, meshScore, roi: rois[i], boxInMesh: boxInMesh(box, mesh) });
    });
    return faces;
  }

  /** The tracked faces' meshes in the regions the previous frame gave them, or undefined when the track is lost. */
  private async followTrack(input: tf.Tensor4D, track: FaceTrack): Promise<MeshFace[] | undefined> {
    const meshes = await this.meshesInRegions(input, track.faces.map((f) => f.roi));
    const found = meshes.map((m, i) => ({ ...m, roi: track.faces[i].roi }));
    if (!trackHolds(found, this.config.minPresenceScore, DETECTOR_CONFIG.nmsIouThreshold)) return undefined;
    return found.map((face, i) => {
      const { boxInMesh: relative, detectorScore } = track.faces[i];
      return { ...face, box: boxFromMesh(relative, face.mesh), detectorScore, boxInMesh: relative };
    });
  }

  /** One batched face-mesh run over rotated regions: each region's 468 points (image pixels) and "face present" score. */
  private async meshesInRegions(input: tf.Tensor4D, rois: RotatedRect[]): Promise<{ mesh: Point3[]; meshScore: number }[]> {
    const size = MESH_CONFIG.inputSize;
    const maps = rois.map((roi) => roiToAffine(roi, size));
    const [landmarksT, flagsT] = tf.tidy(() => {
      const batch = tf.concat(maps.map((m) => cropRoi(input, m, size, MESH_CONFIG.inputRange, 'nearest')));
      const outputs = this.mesh.execute(batch) as tf.Tensor[];
      return [pickOutput(outputs, MESH_CONFIG.numLandmarks * 3), pickOutput(outputs, 1)];
    });
    const [landmarks, flags] = await Promise.all([landmarksT.data(), flagsT.data()]).finally(() => tf.dispose([landmarksT, flagsT]));
    const stride = MESH_CONFIG.numLandmarks * 3;
    return rois.map((roi, i) => ({
      mesh: projectLandmarks(landmarks.subarray(i * stride, (i + 1) * stride), 0, MESH_CONFIG.numLandmarks, maps[i], size, roi.width),
      meshScore: flags[i],
    }));
  }

  /** Both eyes of every face in one iris run; the subject's left eye is mirrored, as the model expects. */
  private async estimateIrises(input: tf.Tensor4D, faces: MeshFace[], model: tf.GraphModel): Promise<{ left: EyeLandmarks; right: EyeLandmarks }[]> {
    const size = IRIS_CONFIG.inputSize;
    const eyes = faces.flatMap((face) => [eyeCrop(face.mesh, IRIS_ROI_CONFIG.rightEyeCorners, false), eyeCrop(face.mesh, IRIS_ROI_CONFIG.leftEyeCorners, true)]);
    const outputT = tf.tidy(() => {
      const batch = tf.concat(eyes.map((eye) => cropRoi(input, eye.map, size, IRIS_CONFIG.inputRange, 'nearest')));
      return model.execute(batch) as tf.Tensor;
    });
    const output = await outputT.data().finally(() => outputT.dispose());
    const pointsPerEye = IRIS_CONFIG.numEyeContourPoints + IRIS_CONFIG.numIrisPoints;
    const decoded = eyes.map((eye, i): EyeLandmarks => {
      const raw = output.subarray(i * pointsPerEye * 3, (i + 1) * pointsPerEye * 3);
      return {
        contour: projectLandmarks(raw, 0, IRIS_CONFIG.numEyeContourPoints, eye.map, size, eye.roi.width),
        iris: projectLandmarks(raw, IRIS_CONFIG.numEyeContourPoints, IRIS_CONFIG.numIrisPoints, eye.map, size, eye.roi.width),
      };
    });
    return faces.map((_, f) => ({ right: decoded[2 * f], left: decoded[2 * f + 1] }));
  }
}

interface EyeLandmarks {
  /** The 71 eye-region points, in EYE_CONTOUR_MESH_INDICES order. */
  contour: Point3[];
  /** Iris centre, then 4 points on its contour. */
  iris: Point3[];
}

function eyeCrop(mesh: Point3[], [startIndex, endIndex]: readonly [number, number], mirror: boolean): { roi: RotatedRect; map: Affine } {
  const start: Point2 = [mesh[startIndex][0], mesh[startIndex][1]];
  const end: Point2 = [mesh[endIndex][0], mesh[endIndex][1]];
  const roi = calculateRoi(boundsOfPoints([start, end]), start, end, IRIS_ROI_CONFIG.scale);
  return { roi, map: roiToAffine(roi, IRIS_CONFIG.inputSize, mirror) };
}

/**
 * BlazeFace's four heads as [anchors, 16] regressors and [anchors] logits, in anchor order: the model
 * emits one regressor/score pair per anchor layer (512 rows for stride 16, 384 for stride 32), found
 * by shape because the converted graph's output order is arbitrary.
 */
function concatDetectorOutputs(outputs: tf.Tensor[]): [tf.Tensor2D, tf.Tensor1D] {
  const byRows = (a: tf.Tensor, b: tf.Tensor) => b.shape[1]! - a.shape[1]!;
  const regressors = outputs.filter((t) => t.shape[2] === 4 + 2 * DETECTOR_CONFIG.numKeypoints).sort(byRows);
  const logits = outputs.filter((t) => t.shape[2] === 1).sort(byRows);
  return [
    tf.concat(regressors.map((t) => t.squeeze([0])), 0) as tf.Tensor2D,
    tf.concat(logits.map((t) => t.reshape([-1])), 0) as tf.Tensor1D,
  ];
}

function pickOutput(outputs: tf.Tensor[], lastDim: number): tf.Tensor {
  const found = outputs.find((t) => t.shape[t.shape.length - 1] === lastDim);
  if (!found) throw new Error(`face model: no output with last dimension ${lastDim} (got ${outputs.map((t) => `[${t.shape}]`).join(', ')})`);
  return found;
}
