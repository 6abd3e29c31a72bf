import * as tf from '@tensorflow/tfjs';
import { affineToTransformRow } from './calculators/affine-to-transform-row';
import type { Affine } from './calculators/types';

/**
 * A `size`×`size` crop sampled (bilinear) through `m` (crop → image pixels) from a [1, h, w, 3]
 * 0..255 image, rescaled to `range`. Outside the image: black ('constant', the detector's letterbox)
 * or the edge pixel ('nearest', mesh and iris crops).
 */
export function cropRoi(image: tf.Tensor4D, m: Affine, size: number, range: readonly [number, number], fill: 'constant' | 'nearest'): tf.Tensor4D {
  return tf.tidy(() => {
    // One image per call: tfjs-backend-cpu's Transform kernel returns after the first batch item.
    const crop = tf.image.transform(image, tf.tensor2d([affineToTransformRow(m)], [1, 8]), 'bilinear', fill, 0, [size, size]);
    const [lo, hi] = range;
    return crop.mul((hi - lo) / 255).add(lo);
  });
}
