import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../src/image';
import { cropRegion } from '../../../src/model/classifier/crop-region';
import { DEFAULT_PREPROCESS_CONFIG } from '../../../src/model/classifier/constants';
import { preprocessForClassifier } from '../../../src/model/classifier/preprocess';
import { useCpuBackend } from '../xai/setup-tf';

const config = { ...DEFAULT_PREPROCESS_CONFIG, inputSize: 16 };

/** Left half red, right half blue, alpha 255. */
function halves(width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = x < width / 2 ? 255 : 0;
      data[i + 2] = x < width / 2 ? 0 : 255;
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

describe('cropRegion', () => {
  it('is the whole frame without a face box', () => {
    expect(cropRegion(640, 480, undefined, 1.6)).toEqual({ x: 0, y: 0, width: 640, height: 480 });
  });
  it('is a square of scale × the longer box side, centred on the box', () => {
    expect(cropRegion(640, 480, { x: 300, y: 200, width: 50, height: 60 }, 1.5)).toEqual({ x: 280, y: 185, width: 90, height: 90 });
  });
  it('shifts the square inside the image rather than cutting it', () => {
    expect(cropRegion(640, 480, { x: 0, y: 0, width: 100, height: 100 }, 2)).toEqual({ x: 0, y: 0, width: 200, height: 200 });
    expect(cropRegion(640, 480, { x: 600, y: 440, width: 40, height: 40 }, 2)).toEqual({ x: 560, y: 400, width: 80, height: 80 });
  });
  it('clips only when the image is smaller than the square', () => {
    expect(cropRegion(100, 80, { x: 20, y: 10, width: 60, height: 60 }, 1.6)).toEqual({ x: 2, y: 0, width: 96, height: 80 }); // centred horizontally: 50 − 48
  });
});

describe('preprocessForClassifier', () => {
  beforeAll(useCpuBackend);
  it('resizes the whole frame to the input size and scales 0..255 to -1..1', () => {
    const x = preprocessForClassifier(halves(40, 30), undefined, config);
    expect(x.shape).toEqual([1, 16, 16, 3]);
    const v = x.arraySync()[0];
    expect(v[8][0]).toEqual([1, -1, -1]); // red
    expect(v[8][15]).toEqual([-1, -1, 1]); // blue
    x.dispose();
  });
  it('crops around the face box', () => {
    const x = preprocessForClassifier(halves(200, 100), { x: 150, y: 40, width: 20, height: 20 }, config);
    const v = x.dataSync();
    // the crop lies in the blue half: every pixel blue
    for (let i = 0; i < v.length; i += 3) expect([v[i], v[i + 2]]).toEqual([-1, 1]);
    x.dispose();
  });
  it('gives the same input for an RgbaImage and the equivalent RGBA or RGB tensor', () => {
    const img = halves(33, 21);
    const rgba = tf.tensor3d(Int32Array.from(img.data), [21, 33, 4], 'int32');
    const rgb = tf.slice(rgba, [0, 0, 0], [-1, -1, 3]);
    const a = preprocessForClassifier(img, { x: 10, y: 5, width: 12, height: 12 }, config);
    const b = preprocessForClassifier(rgba as tf.Tensor3D, { x: 10, y: 5, width: 12, height: 12 }, config);
    const c = preprocessForClassifier(rgb as tf.Tensor3D, { x: 10, y: 5, width: 12, height: 12 }, config);
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    expect(Array.from(c.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([rgba, rgb, a, b, c]);
  });
  it('leaks no tensors', () => {
    const before = tf.memory().numTensors;
    preprocessForClassifier(halves(20, 20), undefined, config).dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
