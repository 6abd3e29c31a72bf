import * as tf from '@tensorflow/tfjs';
import type { RgbaImage } from '../image';

/** An RGBA image (ImageData-like) or an RGB(A) tensor of shape [height, width, 3|4], values 0..255. */
export type ImageInput = RgbaImage | tf.Tensor3D;

/**
 * The image as a float32 [height, width, 3] tensor of 0..255 values, alpha dropped: the one
 * conversion every model's preprocessing starts from. A tensor input stays the caller's to dispose.
 */
export function toRgbTensor(image: ImageInput): tf.Tensor3D {
  if (image instanceof tf.Tensor) {
    const [, , channels] = image.shape;
    if (channels !== 3 && channels !== 4) throw new Error(`expected an RGB(A) tensor, got shape [${image.shape}]`);
    // Shared, not copied: a frame's tensor passes through here once per model, and on WASM a cast (or a clone) copies it
    // while a reshape only counts one more reference.
    if (channels === 3 && image.dtype === 'float32') return tf.reshape(image, image.shape);
    return tf.tidy(() => tf.cast(channels === 4 ? tf.slice(image, [0, 0, 0], [-1, -1, 3]) : image, 'float32'));
  }
  const { width, height, data } = image;
  if (data.length !== width * height * 4) throw new Error(`${data.length} bytes for a ${width}×${height} RGBA image`);
  const rgb = new Float32Array(width * height * 3);
  for (let i = 0, j = 0; i < data.length; i += 4, j += 3) {
    rgb[j] = data[i];
    rgb[j + 1] = data[i + 1];
    rgb[j + 2] = data[i + 2];
  }
  return tf.tensor3d(rgb, [height, width, 3]);
}

/** Packed RGB values (0..255, row-major, e.g. a tensor's data) as an opaque RGBA image: the inverse of toRgbTensor. */
export function rgbToRgba(rgb: ArrayLike<number>, width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; j < data.length; i += 3, j += 4) {
    data[j] = rgb[i];
    data[j + 1] = rgb[i + 1];
    data[j + 2] = rgb[i + 2];
    data[j + 3] = 255;
  }
  return { width, height, data };
}
