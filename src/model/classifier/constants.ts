/**
 * The five quality classes, in the order of the classifier's softmax outputs (the paper's classes).
 * `covered` = face covered (mask, scarf, hand); `wrong` = no face / unknown object.
 */
export const CLASS_NAMES = ['blur', 'eyeglasses', 'good', 'covered', 'wrong'] as const;
export type QualityClass = (typeof CLASS_NAMES)[number];

/** How an input image becomes the network's input tensor. Shipped in the model's config JSON. */
export interface ClassifierPreprocessConfig {
  /** Square network input side, pixels. */
  inputSize: number;
  /** Pixel value v (0..255) becomes v * scale + offset: [-1, 1] for both MobileNet backbones. */
  normalization: { scale: number; offset: number };
  /**
   * Crop policy. With a face box the crop is a square of side `faceBoxScale` × the box's longer side,
   * centred on the box, clipped to the image; without one, the whole frame is resized (no face = `wrong`
   * is decided on the whole scene).
   */
  crop: { faceBoxScale: number };
}

/** Everything the runtime needs besides the weights; written by `npm run train` next to model.json. */
export interface ClassifierConfig extends ClassifierPreprocessConfig {
  version: string;
  /** Which backbone the model was built on, e.g. `mobilenet_v1_1.0@face-api-ssd`. */
  backbone: string;
  classNames: readonly QualityClass[];
  /** Softmax temperature fitted on validation; already folded into the output layer (recorded, not re-applied). */
  calibrationTemperature: number;
  /** Below this calibrated top probability a result is flagged `uncertain`. */
  uncertaintyThreshold: number;
  /** The conv layers Grad-CAM explains: the blocks the head reads (same height × width), channels concatenated. */
  gradCamLayers: readonly string[];
}

export const DEFAULT_PREPROCESS_CONFIG: ClassifierPreprocessConfig = {
  inputSize: 224,
  normalization: { scale: 1 / 127.5, offset: -1 },
  crop: { faceBoxScale: 1.6 },
};
