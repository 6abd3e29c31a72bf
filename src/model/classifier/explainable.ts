/**
 * The classifier as the explainers see it: the image it actually classifies (the crop at its input
 * size, as RGBA) and an ExplainableModel over its LayersModel, using the one shared preprocessing.
 */
import * as tf from '@tensorflow/tfjs';
import type { RgbaImage } from '../../image';
import { explainableFromLayersModel, type ExplainableModel } from '../../xai/model';
import type { Box } from '../face/types';
import type { ClassifierConfig, ClassifierPreprocessConfig } from './constants';
import { preprocessForClassifier, type ClassifierInput } from './preprocess';

/** The crop the classifier sees (face box or whole frame), resized to its input size, as RGBA. */
export function classifierInputImage(image: ClassifierInput, faceBox: Box | undefined, config: ClassifierConfig): RgbaImage {
  const pixels = tf.tidy(() => preprocessForClassifier(image, faceBox, { ...config, normalization: { scale: 1, offset: 0 } }).dataSync());
  const size = config.inputSize;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let i = 0, j = 0; j < data.length; i += 3, j += 4) {
    data[j] = pixels[i];
    data[j + 1] = pixels[i + 1];
    data[j + 2] = pixels[i + 2];
    data[j + 3] = 255;
  }
  return { width: size, height: size, data };
}

/** Explains `model` (the classifier's LayersModel) on images of its input size, preprocessed as the classifier does. */
export function explainableClassifier(model: tf.LayersModel, config: ClassifierPreprocessConfig & Pick<ClassifierConfig, 'gradCamLayers'>, batchSize?: number): ExplainableModel {
  return explainableFromLayersModel(model, {
    gradCamLayers: config.gradCamLayers,
    preprocess: (image) => tf.tidy(() => tf.squeeze(preprocessForClassifier(image, undefined, config), [0]) as tf.Tensor3D),
    batchSize,
  });
}
