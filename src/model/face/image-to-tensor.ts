import * as tf from '@tensorflow/tfjs';
import { toRgbTensor, type ImageInput } from '../rgb-tensor';

/** The image as a float32 [1, height, width, 3] tensor of 0..255 values. A tensor input stays the caller's. */
export function imageToTensor(image: ImageInput): tf.Tensor4D {
  return tf.tidy(() => tf.expandDims(toRgbTensor(image), 0) as tf.Tensor4D);
}
