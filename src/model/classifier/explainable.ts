/**
 * The classifier as the explainers see it: the image it actually classifies (the crop at its input
 * size, as RGBA) and an ExplainableModel over its LayersModel, using the one shared preprocessing.
 */
import * as tf from '@tensorflow/tfjs';
import type { RgbaImage } from '../../image';
import { explainableFromLayersModel, type ExplainableModel } from '../../xai/model';
import type { Box } from '../face/types';
import { rgbToRgba } from '../rgb-tensor';
import type { ClassifierConfig, ClassifierPreprocessConfig } from './constants';
import { preprocessForClassifier, type ClassifierInput } from './preprocess';

/** The crop the classifier sees (face box or whole frame), resized to its input size, as RGBA. */
export function classifierInputImage(image: ClassifierInput, faceBox: Box | undefined, config: ClassifierConfig): RgbaImage {
  const pixels = tf.tidy(() => preprocessForClassifier(image, faceBox, { ...config, normalization: { scale: 1, offset: 0 } }).dataSync());
  return rgbToRgba(pixels, config.inputSize, config.inputSize);
}

/** Explains `model` (the classifier's LayersModel) on images of its input size, preprocessed as the classifier does. */
export function explainableClassifier(model: tf.LayersModel, config: ClassifierPreprocessConfig & Pick<ClassifierConfig, 'gradCamLayers'>, batchSize?: number): ExplainableModel {
  return explainableFromLayersModel(model, {
    gradCamLayers: config.gradCamLayers,
    preprocess: (image) => tf.tidy(() => tf.squeeze(preprocessForClassifier(image, undefined, config), [0]) as tf.Tensor3D),
    batchSize,
  });
}
