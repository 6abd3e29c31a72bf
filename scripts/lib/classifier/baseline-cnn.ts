/**
 * The "simple CNN" the paper compares against: a small network trained from scratch on 64×64
 * thumbnails (pooled to 32 px) of the same network inputs (same split, same synthetic samples, same augmentation).
 *
 * It is trained on the WASM backend, which has no conv-filter gradient: each 3×3 conv runs in training
 * as im2col (nine shifted slices concatenated along channels) times the kernel reshaped to a matrix, whose
 * gradients WASM has. The trained kernels are set into the tf.layers network below, which is what is saved.
 */
import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, shuffleInPlace } from '../../../src/random';
import { THUMB_SIZE } from './features';
import { balancedClassWeights, gatherRows } from './head';

const CONV_FILTERS = [8, 16, 32];
const HIDDEN_UNITS = 64;
const DROPOUT = 0.3;

export function buildBaselineCnn(numClasses: number, seed: number): tf.LayersModel {
  const init = () => tf.initializers.heNormal({ seed });
  const model = tf.sequential({ name: 'simple_cnn' });
  model.add(tf.layers.averagePooling2d({ inputShape: [THUMB_SIZE, THUMB_SIZE, 3], poolSize: 2 }));
  for (const filters of CONV_FILTERS) {
    model.add(tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init() }));
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  }
  model.add(tf.layers.flatten());
  model.add(tf.layers.dropout({ rate: DROPOUT, seed }));
  model.add(tf.layers.dense({ units: HIDDEN_UNITS, activation: 'relu', kernelInitializer: init() }));
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' }));
  return model;
}

/** 3×3 'same' conv as im2col × matrix: patches [N, H, W, 9·Cin] (order dy, dx, cin = the kernel's [3, 3, Cin, Cout] order). */
export function conv3x3AsMatMul(x: tf.Tensor4D, kernel: tf.Tensor4D, bias: tf.Tensor1D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const cout = kernel.shape[3];
  const padded = tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]]);
  const shifts: tf.Tensor4D[] = [];
  for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) shifts.push(tf.slice(padded, [0, dy, dx, 0], [n, h, w, c]));
  const patches = tf.reshape(tf.concat(shifts, 3), [n * h * w, 9 * c]);
  const y = tf.add(tf.matMul(patches, tf.reshape(kernel, [9 * c, cout])), bias);
  return tf.reshape(y, [n, h, w, cout]);
}

/**
 * The same forward pass as buildBaselineCnn's network, from its weights (variables, in layer order),
 * with the convs as conv3x3AsMatMul; returns logits (the softmax is in the loss).
 */
export function baselineLogits(x: tf.Tensor4D, weights: readonly tf.Tensor[], training: boolean): tf.Tensor2D {
  let h = tf.avgPool(x, 2, 2, 'valid');
  CONV_FILTERS.forEach((_, i) => {
    h = tf.maxPool(tf.relu(conv3x3AsMatMul(h, weights[2 * i] as tf.Tensor4D, weights[2 * i + 1] as tf.Tensor1D)), 2, 2, 'valid');
  });
  let f = tf.reshape(h, [h.shape[0], -1]) as tf.Tensor2D;
  if (training) f = tf.dropout(f, DROPOUT) as tf.Tensor2D;
  const k = 2 * CONV_FILTERS.length;
  const hidden = tf.relu(tf.add(tf.matMul(f, weights[k] as tf.Tensor2D), weights[k + 1]));
  return tf.add(tf.matMul(hidden, weights[k + 2] as tf.Tensor2D), weights[k + 3]) as tf.Tensor2D;
}

/** Thumbnail bytes (0..255) → [-1, 1] batch. */
export function thumbsToTensor(thumbs: Uint8Array, rows: readonly number[]): tf.Tensor4D {
  const len = THUMB_SIZE * THUMB_SIZE * 3;
  const x = gatherRows(thumbs, len, rows);
  for (let i = 0; i < x.length; i++) x[i] = x[i] / 127.5 - 1;
  return tf.tensor4d(x, [rows.length, THUMB_SIZE, THUMB_SIZE, 3]);
}

export interface BaselineTraining {
  epochs: number;
  learningRate: number;
  batchSize: number;
  seed: number;
}

export const DEFAULT_BASELINE_TRAINING: BaselineTraining = { epochs: 30, learningRate: 1e-3, batchSize: 32, seed: 3 };

/** Trains the baseline (Adam, class-balanced cross-entropy) on the WASM backend; returns the tf.layers network. */
export async function trainBaselineCnn(
  thumbs: Uint8Array,
  rows: readonly number[],
  labels: readonly number[],
  numClasses: number,
  opts: BaselineTraining,
  onEpoch?: (epoch: number, model: tf.LayersModel) => void,
): Promise<tf.LayersModel> {
  const model = buildBaselineCnn(numClasses, opts.seed);
  const vars = model.getWeights().map((w) => tf.variable(w));
  const optimizer = tf.train.adam(opts.learningRate);
  const classWeight = balancedClassWeights(labels, numClasses);
  const random = createSeededRandom(opts.seed).next;
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (let b = 0; b < order.length; b += opts.batchSize) {
      const batch = order.slice(b, b + opts.batchSize);
      const x = thumbsToTensor(thumbs, batch.map((k) => rows[k]));
      const [y, w] = tf.tidy(() => [tf.oneHot(tf.tensor1d(batch.map((k) => labels[k]), 'int32'), numClasses), tf.tensor1d(batch.map((k) => classWeight[labels[k]]))]);
      optimizer.minimize(() => tf.div(tf.sum(tf.mul(tf.losses.softmaxCrossEntropy(y, baselineLogits(x, vars, true), undefined, 0, tf.Reduction.NONE), w)), tf.sum(w)) as tf.Scalar, false, vars);
      tf.dispose([x, y, w]);
    }
    if (onEpoch) {
      model.setWeights(vars);
      onEpoch(epoch, model);
    }
  }
  model.setWeights(vars);
  optimizer.dispose();
  tf.dispose(vars);
  return model;
}
