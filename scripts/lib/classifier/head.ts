/**
 * The paper's head (softmax layer on the frozen backbone), trained on cached pooled features, and
 * its assembly with the backbone into the single LayersModel the extension runs.
 */
import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, shuffleInPlace } from '../../../src/random';

export const LOGITS_LAYER = 'logits';
export const PROBABILITIES_LAYER = 'probabilities';

export interface HeadTraining {
  epochs: number;
  learningRate: number;
  batchSize: number;
  dropout: number;
  seed: number;
  /** L2 penalty on the kernel, Keras convention (l2 · Σw² added to the loss). */
  l2: number;
  /**
   * Train on features z-scored with the training rows' mean and deviation, then fold the scaling into
   * the layer, so the head still reads raw features. Pooled maxima and averages differ in scale by orders
   * of magnitude; without this one learning rate cannot suit them all.
   */
  standardize: boolean;
}

/** The paper's recipe: Adam, lr 1e-4, 30 epochs. */
export const DEFAULT_HEAD_TRAINING: HeadTraining = { epochs: 30, learningRate: 1e-4, batchSize: 32, dropout: 0.2, seed: 5, l2: 0, standardize: false };

/**
 * The recipe chosen on validation (docs/classifier-experiments.md): standardised features, L2 5e-3,
 * full-batch Adam, lr 1e-2, 400 steps, no dropout (a convex problem solved to near its optimum).
 */
export const CHOSEN_HEAD_TRAINING: HeadTraining = { ...DEFAULT_HEAD_TRAINING, epochs: 400, learningRate: 1e-2, batchSize: 1 << 20, dropout: 0, l2: 5e-3, standardize: true };

/** Inverse-frequency class weights, so the synthetic `blur` class neither dominates nor vanishes. */
export function balancedClassWeights(labels: readonly number[], numClasses: number): Record<number, number> {
  const counts = new Array<number>(numClasses).fill(0);
  for (const l of labels) counts[l]++;
  const w: Record<number, number> = {};
  counts.forEach((c, i) => (w[i] = c === 0 ? 0 : labels.length / (numClasses * c)));
  return w;
}

export function buildHead(dim: number, numClasses: number, opts: Pick<HeadTraining, 'dropout' | 'seed' | 'l2'>): tf.LayersModel {
  const { dropout, seed, l2 } = opts;
  const input = tf.input({ shape: [dim], name: 'features' });
  const dropped = tf.layers.dropout({ rate: dropout, seed }).apply(input);
  const logits = tf.layers
    .dense({ units: numClasses, name: LOGITS_LAYER, kernelInitializer: tf.initializers.glorotUniform({ seed }), kernelRegularizer: l2 > 0 ? tf.regularizers.l2({ l2 }) : undefined })
    .apply(dropped);
  const probs = tf.layers.activation({ activation: 'softmax', name: PROBABILITIES_LAYER }).apply(logits) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: probs, name: 'quality_head' });
}

function shuffledCopy(rows: number, seed: number): number[] {
  const random = createSeededRandom(seed).next;
  return shuffleInPlace(Array.from({ length: rows }, (_, i) => i), random);
}

/** Gathers rows of a row-major table. */
export function gatherRows(table: Float32Array | Uint8Array, dim: number, rows: readonly number[]): Float32Array {
  const out = new Float32Array(rows.length * dim);
  rows.forEach((r, i) => out.set(table.subarray(r * dim, (r + 1) * dim), i * dim));
  return out;
}

/** Per-column mean and standard deviation (plus a small floor, so constant columns stay finite). */
export function columnStatistics(features: Float32Array, dim: number): { mean: Float32Array; std: Float32Array } {
  const rows = features.length / dim;
  const mean = new Float32Array(dim);
  const std = new Float32Array(dim);
  for (let r = 0; r < rows; r++) for (let c = 0; c < dim; c++) mean[c] += features[r * dim + c] / rows;
  for (let r = 0; r < rows; r++) for (let c = 0; c < dim; c++) std[c] += (features[r * dim + c] - mean[c]) ** 2 / rows;
  for (let c = 0; c < dim; c++) std[c] = Math.sqrt(std[c]) + 1e-6;
  return { mean, std };
}

/**
 * A dense layer trained on (x − mean) / std, rewritten to read x: kernel / std (per input row), and
 * bias − Σ (mean / std) · kernel.
 */
export function foldStandardization(logitsLayer: tf.layers.Layer, mean: Float32Array, std: Float32Array): void {
  tf.tidy(() => {
    const [kernel, bias] = logitsLayer.getWeights();
    const scaled = tf.div(kernel, tf.tensor2d(std, [std.length, 1]));
    const shift = tf.matMul(tf.tensor2d(mean, [1, mean.length]), scaled).reshape([-1]);
    logitsLayer.setWeights([scaled, tf.sub(bias, shift)]);
  });
}

/**
 * The loss model.fit minimises (class-weighted mean cross-entropy + l2 · Σw²), one Adam step per epoch on
 * the whole table, as a plain loop: model.fit re-gathers the table every epoch, which made a step 5× slower
 * (0.8 s vs 0.15 s at 4,502 × 2,048 on WASM). The cross-entropy is taken from the logits, so it keeps its
 * gradient where fit's clipped softmax saturates (unstandardised features at lr 1e-2: val macro-F1 0.10
 * with fit, 0.93 here).
 */
function fitFullBatch(head: tf.LayersModel, x: tf.Tensor2D, y: tf.Tensor2D, classWeight: Record<number, number>, opts: HeadTraining): void {
  const [kernel, bias] = head.getLayer(LOGITS_LAYER).trainableWeights.map((w) => w.read() as tf.Variable);
  const sampleWeights = tf.tidy(() => tf.gather(tf.tensor1d(Object.values(classWeight)), tf.argMax(y, 1)));
  const optimizer = tf.train.adam(opts.learningRate);
  for (let step = 0; step < opts.epochs; step++) {
    optimizer.minimize(() => {
      const logits = tf.add(tf.matMul(x, kernel), bias);
      const crossEntropy = tf.losses.softmaxCrossEntropy(y, logits, undefined, undefined, tf.Reduction.NONE);
      const loss = tf.mean(tf.mul(sampleWeights, crossEntropy));
      return (opts.l2 > 0 ? tf.add(loss, tf.mul(opts.l2, tf.sum(tf.square(kernel)))) : loss) as tf.Scalar;
    }, false, [kernel, bias]);
  }
  optimizer.dispose();
  sampleWeights.dispose();
}

export async function trainHead(features: Float32Array, dim: number, labels: readonly number[], numClasses: number, opts: HeadTraining): Promise<tf.LayersModel> {
  const head = buildHead(dim, numClasses, opts);
  const order = shuffledCopy(labels.length, opts.seed);
  const stats = opts.standardize ? columnStatistics(features, dim) : undefined;
  const x = tf.tidy(() => {
    const raw = tf.tensor2d(gatherRows(features, dim, order), [labels.length, dim]);
    return stats ? tf.div(tf.sub(raw, tf.tensor1d(stats.mean)), tf.tensor1d(stats.std)) : raw;
  });
  const y = tf.oneHot(tf.tensor1d(order.map((i) => labels[i]), 'int32'), numClasses);
  const classWeight = balancedClassWeights(labels, numClasses);
  if (opts.batchSize >= labels.length && opts.dropout === 0) fitFullBatch(head, x as tf.Tensor2D, y as tf.Tensor2D, classWeight, opts);
  else {
    head.compile({ optimizer: tf.train.adam(opts.learningRate), loss: 'categoricalCrossentropy' });
    await head.fit(x, y, { epochs: opts.epochs, batchSize: opts.batchSize, shuffle: true, classWeight, verbose: 0 });
  }
  tf.dispose([x, y]);
  if (stats) foldStandardization(head.getLayer(LOGITS_LAYER), stats.mean, stats.std);
  return head;
}

/** Logits (pre-softmax) of the head for feature rows. */
export function headLogits(head: tf.LayersModel, features: Float32Array, dim: number): number[][] {
  return tf.tidy(() => {
    const logitsModel = tf.model({ inputs: head.inputs, outputs: head.getLayer(LOGITS_LAYER).output as tf.SymbolicTensor });
    const z = logitsModel.predict(tf.tensor2d(features, [features.length / dim, dim])) as tf.Tensor2D;
    return z.arraySync();
  });
}

/**
 * pooled backbone features → logits (temperature folded in: weights and bias ÷ T, so the softmax output
 * is already calibrated) → softmax. One LayersModel; Grad-CAM reads the tapped layers (config.gradCamLayers).
 */
export function assembleClassifier(featureModel: tf.LayersModel, head: tf.LayersModel, temperature: number): tf.LayersModel {
  const pooled = featureModel.outputs[0];
  const headLogitsLayer = head.getLayer(LOGITS_LAYER);
  const [kernel, bias] = headLogitsLayer.getWeights();
  const units = bias.shape[0];
  const logitsLayer = tf.layers.dense({ units, name: LOGITS_LAYER });
  const logits = logitsLayer.apply(pooled);
  const probs = tf.layers.activation({ activation: 'softmax', name: PROBABILITIES_LAYER }).apply(logits) as tf.SymbolicTensor;
  const model = tf.model({ inputs: featureModel.inputs, outputs: probs, name: 'faceready_quality' });
  tf.tidy(() => logitsLayer.setWeights([tf.div(kernel, temperature), tf.div(bias, temperature)]));
  return model;
}
