/**
 * Toy classifiers with a known answer for the explainer tests. The tf one is a real LayersModel with
 * set weights: class 0's score counts bright red texture inside one square region R only.
 */
import * as tf from '@tensorflow/tfjs';
import type { RgbaImage } from '../../../src/image';
import type { ExplainableModel } from '../../../src/xai/model';
import type { Segmentation } from '../../../src/xai/types';

export const SIZE = 32;
/** Region R the toy model looks at: x, y in [16, 24). */
export const REGION = { x0: 16, x1: 24, y0: 16, y1: 24 };
export const inRegion = (x: number, y: number) => x >= REGION.x0 && x < REGION.x1 && y >= REGION.y0 && y < REGION.y1;

/**
 * conv (1×1, named "conv"): f0 = relu(red − 128), f1 = relu(green − 128); flatten; dense softmax where
 * class 0's score = 0.002 · Σ_R f0 and class 1's a constant 2. Mean-filling R's red stripes (255/0)
 * gives 127.5 → f0 = 0, so hiding R removes the evidence; green stripes elsewhere are a decoy.
 */
export function buildRegionModel(): tf.LayersModel {
  const input = tf.input({ shape: [SIZE, SIZE, 3] });
  const conv = tf.layers.conv2d({ name: 'conv', filters: 2, kernelSize: 1, activation: 'relu' });
  const flat = tf.layers.flatten();
  const dense = tf.layers.dense({ units: 2, activation: 'softmax' });
  const output = dense.apply(flat.apply(conv.apply(input))) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output });
  tf.tidy(() => {
    conv.setWeights([tf.tensor4d([1, 0, 0, 1, 0, 0], [1, 1, 3, 2]), tf.tensor1d([-128, -128])]);
    const kernel = new Float32Array(SIZE * SIZE * 2 * 2);
    for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) if (inRegion(x, y)) kernel[((y * SIZE + x) * 2 + 0) * 2 + 0] = 0.002;
    dense.setWeights([tf.tensor2d(kernel, [SIZE * SIZE * 2, 2]), tf.tensor1d([0, 2])]);
  });
  return model;
}

export const toyPreprocess = (image: RgbaImage): tf.Tensor3D =>
  tf.tidy(() => tf.cast(tf.slice(tf.tensor3d(Int32Array.from(image.data), [image.height, image.width, 4], 'int32'), [0, 0, 0], [-1, -1, 3]), 'float32') as tf.Tensor3D);

/** Red vertical stripes (255/0) in R, green stripes in a decoy square, grey elsewhere. */
export function regionImage(): RgbaImage {
  const data = new Uint8ClampedArray(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const stripe = x % 2 === 0 ? 255 : 0;
      let rgb = [100, 100, 100];
      if (inRegion(x, y)) rgb = [stripe, 0, 0];
      else if (x < 12 && y < 12) rgb = [0, stripe, 0];
      data.set([...rgb, 255], (y * SIZE + x) * 4);
    }
  }
  return { width: SIZE, height: SIZE, data };
}

/** A grid of square superpixels of side `cell` (R is exactly one cell when cell = 8). */
export function gridSegmentation(width: number, height: number, cell: number): Segmentation {
  const cols = Math.ceil(width / cell);
  const labels = new Int32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) labels[y * width + x] = Math.floor(y / cell) * cols + Math.floor(x / cell);
  return { width, height, labels, count: cols * Math.ceil(height / cell) };
}

/**
 * A plain-TS model for the faithfulness tests: P(class 0) = share of R's pixels that are white
 * (red channel > 127), class 1 the rest.
 */
export function whiteRegionModel(batchSize = 8): ExplainableModel {
  const area = (REGION.x1 - REGION.x0) * (REGION.y1 - REGION.y0);
  return {
    inputWidth: SIZE,
    inputHeight: SIZE,
    numClasses: 2,
    batchSize,
    async predict(images) {
      const out = new Float32Array(images.length * 2);
      images.forEach((image, n) => {
        let white = 0;
        for (let y = REGION.y0; y < REGION.y1; y++) for (let x = REGION.x0; x < REGION.x1; x++) if (image.data[(y * SIZE + x) * 4] > 127) white++;
        out[n * 2] = white / area;
        out[n * 2 + 1] = 1 - white / area;
      });
      return out;
    },
    async convGradients() {
      throw new Error('not a CNN');
    },
  };
}
