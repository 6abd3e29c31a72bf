import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { baselineLogits, conv3x3AsMatMul, trainBaselineCnn } from '../../../scripts/lib/classifier/baseline-cnn';
import { THUMB_SIZE } from '../../../scripts/lib/classifier/features';
import '@tensorflow/tfjs-backend-wasm';
import { useNodeBackend } from '../../../scripts/lib/tf-node-backend';

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

describe('simple-CNN baseline', () => {
  // WASM, as in training: it has no conv-filter gradient, which is why the baseline trains through im2col
  beforeAll(() => useNodeBackend('wasm'));

  it('im2col × matMul equals a 3×3 same-padded conv', () => {
    const x = tf.randomNormal([2, 5, 6, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
    const k = tf.randomNormal([3, 3, 3, 4], 0, 1, 'float32', 2) as tf.Tensor4D;
    const b = tf.randomNormal([4], 0, 1, 'float32', 3) as tf.Tensor1D;
    expect(maxAbsDiff(conv3x3AsMatMul(x, k, b), tf.add(tf.conv2d(x, k, 1, 'same'), b))).toBeLessThan(1e-4);
    tf.dispose([x, k, b]);
  });

  it('learns a separable toy task, and the saved tf.layers network computes what was trained', async () => {
    // class 0: dark thumbnails, class 1: bright ones, noisy
    const n = 24;
    const len = THUMB_SIZE * THUMB_SIZE * 3;
    const thumbs = new Uint8Array(n * len);
    const labels = Array.from({ length: n }, (_, i) => i % 2);
    let s = 1;
    const noise = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 80;
    for (let i = 0; i < n; i++) for (let j = 0; j < len; j++) thumbs[i * len + j] = Math.max(0, Math.min(255, (labels[i] ? 170 : 80) + noise()));
    const rows = labels.map((_, i) => i);
    const before = tf.memory().numTensors;
    const model = await trainBaselineCnn(thumbs, rows, labels, 2, { epochs: 3, learningRate: 3e-3, batchSize: 8, seed: 3 });
    expect(tf.memory().numTensors - before).toBe(model.getWeights().length);
    const x = tf.tidy(() => tf.sub(tf.div(tf.tensor4d(Float32Array.from(thumbs), [n, THUMB_SIZE, THUMB_SIZE, 3]), 127.5), 1)) as tf.Tensor4D;
    const probs = model.predict(x) as tf.Tensor2D;
    const predicted = (await probs.argMax(1).array()) as number[];
    expect(predicted.filter((p, i) => p === labels[i]).length).toBeGreaterThanOrEqual(n - 1);
    const ours = tf.softmax(baselineLogits(x, model.getWeights(), false));
    expect(maxAbsDiff(ours, probs)).toBeLessThan(1e-4);
    tf.dispose([x, probs, ours]);
    model.dispose();
  });
});
