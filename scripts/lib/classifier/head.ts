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
}

export const DEFAULT_HEAD_TRAINING: HeadTraining = { epochs: 30, learningRate: 1e-4, batchSize: 32, dropout: 0.2, seed: 5 };

/** Inverse-frequency class weights, so the synthetic `blur` class neither dominates nor vanishes. */
export function balancedClassWeights(labels: readonly number[], numClasses: number): Record<number, number> {
  const counts = new Array<number>(numClasses).fill(0);
  for (const l of labels) counts[l]++;
  const w: Record<number, number> = {};
  counts.forEach((c, i) => (w[i] = c === 0 ? 0 : labels.length / (numClasses * c)));
  return w;
}

export function buildHead(dim: number, numClasses: number, dropout: number, seed: number): tf.LayersModel {
  const input = tf.input({ shape: [dim], name: 'features' });
  const dropped = tf.layers.dropout({ rate: dropout, seed }).apply(input);
  const logits = tf.layers.dense({ units: numClasses, name: LOGITS_LAYER, kernelInitializer: tf.initializers.glorotUniform({ seed }) }).apply(dropped);
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

export async function trainHead(features: Float32Array, dim: number, labels: readonly number[], numClasses: number, opts: HeadTraining): Promise<tf.LayersModel> {
  const head = buildHead(dim, numClasses, opts.dropout, opts.seed);
  head.compile({ optimizer: tf.train.adam(opts.learningRate), loss: 'categoricalCrossentropy' });
  const order = shuffledCopy(labels.length, opts.seed);
  const x = tf.tensor2d(gatherRows(features, dim, order), [labels.length, dim]);
  const y = tf.oneHot(tf.tensor1d(order.map((i) => labels[i]), 'int32'), numClasses);
  await head.fit(x, y, { epochs: opts.epochs, batchSize: opts.batchSize, shuffle: true, classWeight: balancedClassWeights(labels, numClasses), verbose: 0 });
  tf.dispose([x, y]);
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
 * backbone → global average pool → logits (temperature folded in: weights and bias ÷ T, so the
 * softmax output is already calibrated) → softmax. One LayersModel; Grad-CAM reads the backbone's last conv.
 */
export function assembleClassifier(backbone: tf.LayersModel, head: tf.LayersModel, temperature: number): tf.LayersModel {
  const pooled = tf.layers.globalAveragePooling2d({ name: 'pool' }).apply(backbone.outputs[0]);
  const headLogitsLayer = head.getLayer(LOGITS_LAYER);
  const [kernel, bias] = headLogitsLayer.getWeights();
  const units = bias.shape[0];
  const logitsLayer = tf.layers.dense({ units, name: LOGITS_LAYER });
  const logits = logitsLayer.apply(pooled);
  const probs = tf.layers.activation({ activation: 'softmax', name: PROBABILITIES_LAYER }).apply(logits) as tf.SymbolicTensor;
  const model = tf.model({ inputs: backbone.inputs, outputs: probs, name: 'faceready_quality' });
  tf.tidy(() => logitsLayer.setWeights([tf.div(kernel, temperature), tf.div(bias, temperature)]));
  return model;
}
