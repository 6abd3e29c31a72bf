/**
 * Fine-tuning MobileNet v1's top blocks on cached cut activations (top-block-cache.ts) with the WASM
 * backend, which has matMul gradients but no conv-filter gradients: a 1×1 (pointwise) conv is a matMul
 * over positions ([N·H·W, C_in] × [C_in, C_out]) and the 3×3 depthwise conv is nine shifted slices
 * times a per-channel weight, so every op here has a WASM gradient. The trained weights go back into
 * the tf.layers network unchanged in shape, so the shipped model is the same LayersModel as before.
 */
import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, shuffleInPlace } from '../../../src/random';
import { balancedClassWeights, LOGITS_LAYER, PROBABILITIES_LAYER } from './head';
import type { CutActivations } from './top-block-cache';

/** What is trained above the cut: only the head, conv_pw_13 + head, or conv_pw_12, conv_dw_13, conv_pw_13 + head. */
export type TrainableDepth = 'head' | 'pw13' | 'top2';
export type HeadPooling = 'gap' | 'gapmax' | 'spatial';

export interface TopBlockTraining {
  depth: TrainableDepth;
  epochs: number;
  /** Learning rate of the head. */
  headLearningRate: number;
  /** Learning rate of the backbone layers being fine-tuned. */
  backboneLearningRate: number;
  batchSize: number;
  /** What the head sees of the conv_pw_13 map: its global average ('gap', the paper's), average ⊕ max ('gapmax'), or the whole map after a trained 1×1 reduction ('spatial'). */
  pooling: HeadPooling;
  /** Hidden units of a 'gap' head (0: the paper's single softmax layer); channels of the 1×1 reduction of a 'spatial' head. */
  hidden: number;
  dropout: number;
  labelSmoothing: number;
  /** L2 penalty on the head's kernels (added to the loss). */
  weightDecay: number;
  seed: number;
}

export const DEFAULT_TOP_BLOCK_TRAINING: TopBlockTraining = {
  depth: 'pw13',
  epochs: 12,
  headLearningRate: 3e-3,
  backboneLearningRate: 1e-4,
  batchSize: 32,
  pooling: 'gap',
  hidden: 0,
  dropout: 0.2,
  labelSmoothing: 0.1,
  weightDecay: 0,
  seed: 5,
};

export type Params = Record<string, tf.Variable>;

/** The backbone layers above the cut, as variables initialised from the tf.layers network. */
export function topBlockParams(backbone: tf.LayersModel): Params {
  const w = (layer: string) => backbone.getLayer(layer).getWeights();
  const [pw12k, pw12b] = w('conv_pw_12');
  const [dw13k, dw13b] = w('conv_dw_13');
  const [pw13k, pw13b] = w('conv_pw_13');
  return {
    pw12k: tf.variable(tf.reshape(pw12k, [pw12k.shape[2]!, pw12k.shape[3]!])),
    pw12b: tf.variable(pw12b),
    dw13k: tf.variable(tf.reshape(dw13k, [3, 3, dw13k.shape[2]!])),
    dw13b: tf.variable(dw13b),
    pw13k: tf.variable(tf.reshape(pw13k, [pw13k.shape[2]!, pw13k.shape[3]!])),
    pw13b: tf.variable(pw13b),
  };
}

/** Writes trained top-block variables back into the tf.layers network (same shapes as the conv kernels). */
export function setTopBlockWeights(backbone: tf.LayersModel, p: Params): void {
  tf.tidy(() => {
    backbone.getLayer('conv_pw_12').setWeights([tf.reshape(p.pw12k, [1, 1, ...p.pw12k.shape]), p.pw12b]);
    backbone.getLayer('conv_dw_13').setWeights([tf.expandDims(p.dw13k, 3), p.dw13b]);
    backbone.getLayer('conv_pw_13').setWeights([tf.reshape(p.pw13k, [1, 1, ...p.pw13k.shape]), p.pw13b]);
  });
}

const relu6 = (x: tf.Tensor) => tf.clipByValue(x, 0, 6);

/** 1×1 conv as a matMul over positions: [N, s, s, Cin] → [N, s, s, Cout]. */
export function pointwise(x: tf.Tensor4D, kernel: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const y = tf.add(tf.matMul(tf.reshape(x, [n * h * w, c]), kernel), bias);
  return tf.reshape(y, [n, h, w, kernel.shape[1]]);
}

/** 3×3 depthwise conv, stride 1, 'same' padding, as nine shifted slices × per-channel weights. */
export function depthwise3x3(x: tf.Tensor4D, kernel: tf.Tensor3D, bias: tf.Tensor1D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const padded = tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]]);
  const terms: tf.Tensor4D[] = [];
  for (let dy = 0; dy < 3; dy++) {
    for (let dx = 0; dx < 3; dx++) {
      const k = tf.reshape(tf.slice(kernel, [dy, dx, 0], [1, 1, c]), [c]);
      terms.push(tf.mul(tf.slice(padded, [0, dy, dx, 0], [n, h, w, c]), k));
    }
  }
  return tf.add(tf.addN(terms), bias);
}

/** conv_pw_12 → conv_dw_13 (the part below conv_pw_13), ReLU6 after each. */
function belowPw13(x: tf.Tensor4D, p: Params): tf.Tensor4D {
  const a = relu6(pointwise(x, p.pw12k as tf.Tensor2D, p.pw12b as tf.Tensor1D)) as tf.Tensor4D;
  return relu6(depthwise3x3(a, p.dw13k as tf.Tensor3D, p.dw13b as tf.Tensor1D)) as tf.Tensor4D;
}

/** conv_pw_13 → ReLU6: [N, s, s, 1024] → [N, s, s, 1024] (the last conv map, Grad-CAM's layer). */
function pw13Map(x: tf.Tensor4D, p: Params): tf.Tensor4D {
  return relu6(pointwise(x, p.pw13k as tf.Tensor2D, p.pw13b as tf.Tensor1D)) as tf.Tensor4D;
}

function pooledPw13(x: tf.Tensor4D, p: Params): tf.Tensor2D {
  return tf.mean(pw13Map(x, p), [1, 2]) as tf.Tensor2D;
}

interface Head {
  vars: tf.Variable[];
  /** Logits from the conv_pw_13 map [N, s, s, 1024]. */
  logits(map: tf.Tensor4D, training: boolean): tf.Tensor2D;
}

function createHead(side: number, numClasses: number, opts: TopBlockTraining): Head {
  const { pooling, hidden, dropout, seed } = opts;
  const glorot = (fanIn: number, fanOut: number, s: number) => tf.variable(tf.mul(tf.randomUniform([fanIn, fanOut], -1, 1, 'float32', s), Math.sqrt(6 / (fanIn + fanOut))));
  const drop = <T extends tf.Tensor>(x: T, training: boolean): T => (training && dropout > 0 ? (tf.dropout(x, dropout) as T) : x);
  const dense = (x: tf.Tensor2D, w: tf.Variable, b: tf.Variable) => tf.add(tf.matMul(x, w as tf.Tensor2D), b) as tf.Tensor2D;
  if (pooling === 'spatial') {
    // 1×1 reduction to `hidden` channels, ReLU, flatten, softmax layer: keeps where in the crop a feature is
    const rk = glorot(1024, hidden, seed);
    const rb = tf.variable(tf.zeros([hidden]));
    const w = glorot(side * side * hidden, numClasses, seed + 1);
    const b = tf.variable(tf.zeros([numClasses]));
    return {
      vars: [rk, rb, w, b],
      logits: (map, training) => {
        const reduced = tf.relu(pointwise(drop(map, training), rk as tf.Tensor2D, rb as tf.Tensor1D));
        return dense(drop(tf.reshape(reduced, [map.shape[0], -1]) as tf.Tensor2D, training), w, b);
      },
    };
  }
  const pool = (map: tf.Tensor4D) => (pooling === 'gapmax' ? tf.concat([tf.mean(map, [1, 2]), tf.max(map, [1, 2])], 1) : tf.mean(map, [1, 2])) as tf.Tensor2D;
  const dim = pooling === 'gapmax' ? 2048 : 1024;
  if (hidden > 0) {
    const w1 = glorot(dim, hidden, seed);
    const b1 = tf.variable(tf.zeros([hidden]));
    const w2 = glorot(hidden, numClasses, seed + 1);
    const b2 = tf.variable(tf.zeros([numClasses]));
    return { vars: [w1, b1, w2, b2], logits: (map, training) => dense(drop(tf.relu(dense(drop(pool(map), training), w1, b1)) as tf.Tensor2D, training), w2, b2) };
  }
  const w = glorot(dim, numClasses, seed);
  const b = tf.variable(tf.zeros([numClasses]));
  return { vars: [w, b], logits: (map, training) => dense(drop(pool(map), training), w, b) };
}

export interface TrainedTopBlock {
  params: Params;
  /** Head weights (kernels and biases in layer order: reduction / hidden layer first when present). */
  headWeights: tf.Tensor[];
  training: TopBlockTraining;
  /** Validation logits per epoch end are not kept; these are the final epoch's logits for `evalRows`. */
  evalLogits: number[][];
  seconds: number;
}

function rowsTensor(table: Float32Array, per: number, rows: readonly number[], shape: number[]): tf.Tensor {
  const out = new Float32Array(rows.length * per);
  rows.forEach((r, i) => out.set(table.subarray(r * per, (r + 1) * per), i * per));
  return tf.tensor(out, [rows.length, ...shape]);
}

/** Precomputes, with frozen weights, the stage below the first trained layer for all rows (a big saving for 'head' and 'pw13'). */
export interface FrozenStage {
  data: Float32Array;
  shape: number[];
}

export function frozenStage(acts: CutActivations, rows: readonly number[], p: Params, depth: TrainableDepth): FrozenStage {
  const per = acts.side * acts.side * acts.channels;
  if (depth === 'top2') return { data: acts.data, shape: [acts.side, acts.side, acts.channels] };
  const chunks: Float32Array[] = [];
  let shape: number[] = [];
  for (let b = 0; b < rows.length; b += 64) {
    const y = tf.tidy(() => {
      const x = rowsTensor(acts.data, per, rows.slice(b, b + 64), [acts.side, acts.side, acts.channels]) as tf.Tensor4D;
      const below = belowPw13(x, p);
      return depth === 'pw13' ? below : pw13Map(below, p);
    });
    shape = y.shape.slice(1);
    chunks.push(y.dataSync() as Float32Array);
    y.dispose();
  }
  const data = new Float32Array(chunks.reduce((a, c) => a + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    data.set(c, o);
    o += c.length;
  }
  return { data, shape };
}

/** Pooled conv_pw_13 features from cut activations [N, s, s, 512] with the given top-block weights. */
export function topBlockFeatures(cut: tf.Tensor4D, p: Params): tf.Tensor2D {
  return pooledPw13(belowPw13(cut, p), p);
}

/** The conv_pw_13 map from a stage computed by frozenStage (or the raw cut), with the current weights. */
function mapFrom(x: tf.Tensor, p: Params, depth: TrainableDepth): tf.Tensor4D {
  if (depth === 'head') return x as tf.Tensor4D;
  if (depth === 'pw13') return pw13Map(x as tf.Tensor4D, p);
  return pw13Map(belowPw13(x as tf.Tensor4D, p), p);
}

/**
 * Trains the chosen depth on `trainRows` of the cut activations and returns the final logits for
 * `evalRows` (validation while experimenting). Class-balanced, label-smoothed cross-entropy, Adam.
 */
export async function trainTopBlock(
  backbone: tf.LayersModel,
  acts: CutActivations,
  labels: readonly number[],
  trainRows: readonly number[],
  evalRows: readonly number[],
  numClasses: number,
  opts: TopBlockTraining,
  onEpoch?: (epoch: number, evalLogits: number[][]) => void,
  /** frozenStage results for trainRows / evalRows at this depth, when the caller reuses them across runs. */
  stages?: { train: FrozenStage; eval: FrozenStage },
): Promise<TrainedTopBlock> {
  const start = performance.now();
  const params = topBlockParams(backbone);
  const train = stages?.train ?? frozenStage(acts, trainRows, params, opts.depth);
  const evalStage = stages?.eval ?? frozenStage(acts, evalRows, params, opts.depth);
  const per = train.shape.reduce((a, b) => a * b, 1);
  // frozenStage returns the raw cut for 'top2' (all rows); otherwise rows are already gathered in order
  const trainIndex = opts.depth === 'top2' ? [...trainRows] : trainRows.map((_, i) => i);
  const evalIndex = opts.depth === 'top2' ? [...evalRows] : evalRows.map((_, i) => i);
  const head = createHead(acts.side, numClasses, opts);
  const trained: tf.Variable[] = opts.depth === 'head' ? [] : opts.depth === 'pw13' ? [params.pw13k, params.pw13b] : Object.values(params);
  const headOpt = tf.train.adam(opts.headLearningRate);
  const backboneOpt = tf.train.adam(opts.backboneLearningRate);
  const classWeight = balancedClassWeights(trainRows.map((r) => labels[r]), numClasses);
  const random = createSeededRandom(opts.seed).next;
  const order = trainIndex.map((_, i) => i);
  const logitsFor = (index: readonly number[], data: Float32Array) => {
    const out: number[][] = [];
    for (let b = 0; b < index.length; b += 64) {
      const z = tf.tidy(() => head.logits(mapFrom(rowsTensor(data, per, index.slice(b, b + 64), train.shape), params, opts.depth), false));
      out.push(...(z.arraySync() as number[][]));
      z.dispose();
    }
    return out;
  };
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (let b = 0; b < order.length; b += opts.batchSize) {
      const batch = order.slice(b, b + opts.batchSize);
      const [x, y, w] = tf.tidy(() => {
        const yb = batch.map((k) => labels[trainRows[k]]);
        return [
          rowsTensor(train.data, per, batch.map((k) => trainIndex[k]), train.shape),
          tf.oneHot(tf.tensor1d(yb, 'int32'), numClasses),
          tf.tensor1d(yb.map((l) => classWeight[l])),
        ];
      });
      const lossOf = () =>
        tf.tidy(() => {
          const z = head.logits(mapFrom(x, params, opts.depth), true);
          const loss = tf.div(tf.sum(tf.mul(tf.losses.softmaxCrossEntropy(y, z, undefined, opts.labelSmoothing, tf.Reduction.NONE), w)), tf.sum(w)) as tf.Scalar;
          if (!opts.weightDecay) return loss;
          const kernels = head.vars.filter((v) => v.rank === 2);
          return tf.add(loss, tf.mul(opts.weightDecay, tf.addN(kernels.map((k) => tf.sum(tf.square(k)))))) as tf.Scalar;
        });
      const { grads, value } = tf.variableGrads(lossOf, [...head.vars, ...trained]);
      headOpt.applyGradients(head.vars.map((v) => ({ name: v.name, tensor: grads[v.name] })));
      if (trained.length) backboneOpt.applyGradients(trained.map((v) => ({ name: v.name, tensor: grads[v.name] })));
      tf.dispose([x, y, w, value, ...Object.values(grads)]);
    }
    if (onEpoch) onEpoch(epoch, logitsFor(evalIndex, evalStage.data));
  }
  const evalLogits = logitsFor(evalIndex, evalStage.data);
  headOpt.dispose();
  backboneOpt.dispose();
  return { params, headWeights: head.vars.map((v) => v.clone()), training: opts, evalLogits, seconds: (performance.now() - start) / 1000 };
}

/**
 * The shipped network: the backbone with the trained top-block weights written back, then the head as
 * tf.layers (1×1 conv + flatten for 'spatial'; average (⊕ max) pooling and dense layers otherwise),
 * the temperature folded into the logits layer (weights and bias ÷ T), softmax. One LayersModel; the
 * backbone's last conv stays the Grad-CAM layer.
 */
export function assembleTopBlockClassifier(backbone: tf.LayersModel, t: TrainedTopBlock, temperature: number): tf.LayersModel {
  setTopBlockWeights(backbone, t.params);
  const { pooling, hidden } = t.training;
  const map = backbone.outputs[0];
  const w = t.headWeights;
  const layersWithWeights: [tf.layers.Layer, tf.Tensor[]][] = [];
  let x: tf.SymbolicTensor;
  if (pooling === 'spatial') {
    const reduce = tf.layers.conv2d({ name: 'head_reduce', filters: hidden, kernelSize: 1, activation: 'relu' });
    layersWithWeights.push([reduce, [tf.reshape(w[0], [1, 1, ...w[0].shape]), w[1]]]);
    x = tf.layers.flatten({ name: 'head_flatten' }).apply(reduce.apply(map)) as tf.SymbolicTensor;
  } else {
    const avg = tf.layers.globalAveragePooling2d({ name: 'pool' }).apply(map) as tf.SymbolicTensor;
    x = pooling === 'gapmax' ? (tf.layers.concatenate({ name: 'pool_avg_max' }).apply([avg, tf.layers.globalMaxPooling2d({ name: 'pool_max' }).apply(map) as tf.SymbolicTensor]) as tf.SymbolicTensor) : avg;
    if (hidden > 0) {
      const hiddenLayer = tf.layers.dense({ name: 'head_hidden', units: hidden, activation: 'relu' });
      layersWithWeights.push([hiddenLayer, [w[0], w[1]]]);
      x = hiddenLayer.apply(x) as tf.SymbolicTensor;
    }
  }
  const [kernel, bias] = w.slice(-2);
  const logitsLayer = tf.layers.dense({ name: LOGITS_LAYER, units: bias.shape[0] });
  const probs = tf.layers.activation({ activation: 'softmax', name: PROBABILITIES_LAYER }).apply(logitsLayer.apply(x)) as tf.SymbolicTensor;
  const model = tf.model({ inputs: backbone.inputs, outputs: probs, name: 'faceready_quality' });
  tf.tidy(() => {
    for (const [layer, weights] of layersWithWeights) layer.setWeights(weights);
    logitsLayer.setWeights([tf.div(kernel, temperature), tf.div(bias, temperature)]);
  });
  return model;
}
