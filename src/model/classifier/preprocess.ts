import * as tf from '@tensorflow/tfjs';
import { toRgbTensor, type ImageInput } from '../rgb-tensor';
import type { Box } from '../face/types';
import type { ClassifierPreprocessConfig } from './constants';
import { cropRegion } from './crop-region';

/** What the classifier takes: an RGBA image or an RGB(A) tensor, values 0..255. */
export type ClassifierInput = ImageInput;

/**
 * The classifier's single preprocessing step, shared by the extension and the Node scripts so they
 * cannot drift: crop (face box or whole frame, see cropRegion), bilinear resize to the input size,
 * scale to the backbone's range. Returns a [1, size, size, 3] float tensor the caller disposes.
 */
export function preprocessForClassifier(image: ClassifierInput, faceBox: Box | undefined, config: ClassifierPreprocessConfig): tf.Tensor4D {
  return tf.tidy(() => {
    const rgb = toRgbTensor(image);
    const [height, width] = rgb.shape;
    const r = cropRegion(width, height, faceBox, config.crop.faceBoxScale);
    // cropAndResize samples at (y1 + i·(y2−y1)/(n−1))·(H−1), so corners map to the first and last pixel centres.
    const sy = Math.max(height - 1, 1);
    const sx = Math.max(width - 1, 1);
    const box = [r.y / sy, r.x / sx, (r.y + r.height - 1) / sy, (r.x + r.width - 1) / sx];
    const size = config.inputSize;
    const resized = tf.image.cropAndResize(tf.expandDims(rgb, 0) as tf.Tensor4D, [box], [0], [size, size], 'bilinear');
    return tf.add(tf.mul(resized, config.normalization.scale), config.normalization.offset) as tf.Tensor4D;
  });
}
