import * as tf from '@tensorflow/tfjs';
import type { RgbaImage } from '../../image';

/** The image as a float32 [1, height, width, 3] tensor of 0..255 values. A tensor input stays the caller's. */
export function imageToTensor(image: RgbaImage | tf.Tensor3D): tf.Tensor4D {
  if (image instanceof tf.Tensor) {
    const [, , channels] = image.shape;
    if (channels !== 3 && channels !== 4) throw new Error(`imageToTensor: expected 3 or 4 channels, got shape ${image.shape}`);
    return tf.tidy(() => image.slice([0, 0, 0], [-1, -1, 3]).toFloat().expandDims(0) as tf.Tensor4D);
  }
  const { width, height, data } = image;
  if (data.length !== width * height * 4) throw new Error(`imageToTensor: ${data.length} bytes for a ${width}×${height} RGBA image`);
  const rgb = new Float32Array(width * height * 3);
  for (let i = 0, j = 0; i < data.length; i += 4, j += 3) {
    rgb[j] = data[i];
    rgb[j + 1] = data[i + 1];
    rgb[j + 2] = data[i + 2];
  }
  return tf.tensor4d(rgb, [1, height, width, 3]);
}
