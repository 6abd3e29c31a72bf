/**
 * Every number the face pipeline uses, in one place. Values follow MediaPipe's legacy face_mesh /
 * iris_tracking graphs (face_detection_back, face_landmark, iris_landmark), which the models come
 * from; where @vladmandic/human (the converter of these TF.js files) differs, the comment says so.
 */

/** Load-time defaults of `createFaceLandmarker`. */
export const DEFAULT_FACE_LANDMARKER_CONFIG = {
  /** Two so that "more than one face" is visible; raise it to count crowds. */
  maxFaces: 2,
  /** BlazeFace score (after sigmoid) a detection needs; MediaPipe's min_score_thresh. */
  minDetectionScore: 0.5,
  /** Face-mesh "face present" score a face needs; MediaPipe tasks' minFacePresenceConfidence. */
  minPresenceScore: 0.5,
  /** Run the iris model (when its model is given) and refine the eye region of the mesh. */
  refineIris: true,
  /** A model that has not loaded after this long rejects with FaceModelLoadError. */
  loadTimeoutMs: 60_000,
  /**
   * A tracked stream runs the detector at least once every this many frames (where a new face is
   * found); in between, the mesh region comes from the previous frame's landmarks. 1 = every frame.
   */
  redetectEvery: 10,
  /**
   * A stream whose previous frame finished longer ago than this (ms) starts again from the detector. Not
   * shorter: on a busy 2-core machine one frame can take most of a second, and a track dropped for that made
   * the next frame slower still; a face that moved away meanwhile fails the mesh's presence and region checks.
   */
  maxTrackGapMs: 2000,
  /** Streams tracked at once (one engine serves every tab); the least recently used is forgotten first. */
  maxTrackedStreams: 16,
} as const;

/**
 * The mesh points whose line turns a tracked face's region level: the outer eye corners, subject's
 * right then left (MediaPipe face_landmarks_to_roi: rotation_vector_start/end_keypoint_index 33, 263).
 */
export const TRACKING_ROTATION_LANDMARKS = [33, 263] as const;

/** BlazeFace "back camera" model: 256×256 input, 896 anchors (MediaPipe face_detection_back). */
export const DETECTOR_CONFIG = {
  inputSize: 256,
  /** SSD anchor layers merged by stride, as MediaPipe's SsdAnchorsCalculator does (strides 16, 32, 32, 32). */
  anchorLayers: [
    { stride: 16, anchorsPerCell: 2 },
    { stride: 32, anchorsPerCell: 6 },
  ],
  numKeypoints: 6,
  /** Raw logits are clipped before the sigmoid (score_clipping_thresh). */
  scoreClip: 100,
  /** Input scaled to [-1, 1]. */
  inputRange: [-1, 1] as const,
  /**
   * The image is letterboxed into a square this many times its long side. This "back camera" model
   * misses or doubles faces that fill the frame: on 108 tight 200×200 UTKFace crops it found 107 with
   * 30 duplicated at 1.0, and 108 with none duplicated at 1.5; on 54 blurry ones 21 → 53 of 54.
   */
  letterboxScale: 1.5,
  /** Weighted NMS overlap (min_suppression_threshold); human uses hard NMS at IoU 0.1. */
  nmsIouThreshold: 0.3,
} as const;

/** BlazeFace keypoint order. "Right"/"left" are the subject's. */
export const DETECTOR_KEYPOINT = {
  rightEye: 0,
  leftEye: 1,
  noseTip: 2,
  mouthCenter: 3,
  rightEarTragion: 4,
  leftEarTragion: 5,
} as const;

/**
 * Face-mesh region of interest from a detection: the box centre, rotated so that the eye line is
 * horizontal, scaled 1.5 and squared on the long side (MediaPipe face_detection_front_detection_to_roi).
 * human uses 1.4 and no rotation by default.
 */
export const MESH_ROI_CONFIG = {
  scale: 1.5,
  rotationStart: DETECTOR_KEYPOINT.rightEye,
  rotationEnd: DETECTOR_KEYPOINT.leftEye,
} as const;

export const MESH_CONFIG = {
  inputSize: 192,
  numLandmarks: 468,
  /** Input scaled to [0, 1]. */
  inputRange: [0, 1] as const,
} as const;

/**
 * Iris region of interest: the two eye corners, rotated to make them level, scaled 2.3, squared
 * (MediaPipe iris_landmark_landmarks_to_roi). The model was trained on the eye the mesh numbers 33/133
 * (the subject's right eye); the other eye is mirrored to look like it (is_right_eye → flip).
 */
export const IRIS_ROI_CONFIG = {
  scale: 2.3,
  /** Corners in order [start, end]: the rotation axis runs start → end. */
  rightEyeCorners: [33, 133] as const,
  leftEyeCorners: [362, 263] as const,
} as const;

export const IRIS_CONFIG = {
  inputSize: 64,
  /** 71 eye-contour / brow points, then 5 iris points (centre, then 4 on the iris contour). */
  numEyeContourPoints: 71,
  numIrisPoints: 5,
  inputRange: [0, 1] as const,
} as const;

/**
 * Face-mesh indices of the iris model's 71 eye-region points, per eye, in the model's output order
 * (MediaPipe UpdateFaceLandmarksCalculator; the same mapping as human's `irisIndices`).
 */
export const EYE_CONTOUR_MESH_INDICES = {
  right: [
    33, 7, 163, 144, 145, 153, 154, 155, 133, // lower lid
    246, 161, 160, 159, 158, 157, 173, // upper lid (corners excluded)
    130, 25, 110, 24, 23, 22, 26, 112, 243,
    247, 30, 29, 27, 28, 56, 190,
    226, 31, 228, 229, 230, 231, 232, 233, 244,
    113, 225, 224, 223, 222, 221, 189,
    35, 124, 46, 53, 52, 65, // inner brow
    143, 111, 117, 118, 119, 120, 121, 128, 245,
    156, 70, 63, 105, 66, 107, 55, 193, // outer brow
  ],
  left: [
    263, 249, 390, 373, 374, 380, 381, 382, 362,
    466, 388, 387, 386, 385, 384, 398,
    359, 255, 339, 254, 253, 252, 256, 341, 463,
    467, 260, 259, 257, 258, 286, 414,
    446, 261, 448, 449, 450, 451, 452, 453, 464,
    342, 445, 444, 443, 442, 441, 413,
    265, 353, 276, 283, 282, 295,
    372, 340, 346, 347, 348, 349, 350, 357, 465,
    383, 300, 293, 334, 296, 336, 285, 417,
  ],
} as const;
