/**
 * A one-hidden-layer perceptron (ReLU) with a logistic output, fitted by minibatch Adam, classes
 * weighted equally (the eyes set has more closed than open images), L2 on the weights. Small and
 * dependency-free: the eye-crop model scores two patches per frame in the browser
 * (src/model/eyes/eye-patch-model.ts evaluates the same function).
 */
import { createSeededRandom, shuffleInPlace } from '../../../src/random';

export interface MlpFit {
  /** units × inputs, row-major, and one bias per unit. */
  hidden: { weights: number[]; bias: number[] };
  /** One output weight per unit. */
  weights: number[];
  bias: number;
}

export interface MlpOptions {
  hiddenUnits: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** L2 penalty on the weights (not the biases), per sample. */
  lambda: number;
  seed: number;
}

/** Fits y ∈ {0, 1} on rows of x (equal lengths); the output is the logit of y = 1. */
export function fitMlp(x: readonly Float32Array[], y: readonly (0 | 1)[], options: MlpOptions): MlpFit {
  if (x.length === 0 || x.length !== y.length) throw new Error(`fitMlp: needs rows and as many labels (${x.length} rows, ${y.length} labels)`);
  // a batch size of 0 would never advance through the epoch; 0 units would leave the output a constant
  if (!(Number.isInteger(options.batchSize) && options.batchSize >= 1 && Number.isInteger(options.hiddenUnits) && options.hiddenUnits >= 1)) {
    throw new Error('fitMlp: batchSize and hiddenUnits must be whole numbers ≥ 1');
  }
  const d = x[0].length;
  const h = options.hiddenUnits;
  const random = createSeededRandom(options.seed);
  const positives = y.filter((v) => v === 1).length;
  const classWeight = [x.length / 2 / Math.max(1, x.length - positives), x.length / 2 / Math.max(1, positives)];
  // parameters in one vector: W1 (h·d), b1 (h), w2 (h), b2 (1); He initialisation
  const size = h * d + h + h + 1;
  const p = new Float64Array(size);
  const W1 = 0;
  const B1 = h * d;
  const W2 = B1 + h;
  const B2 = W2 + h;
  for (let k = 0; k < h * d; k++) p[W1 + k] = random.normal() * Math.sqrt(2 / d);
  for (let j = 0; j < h; j++) p[W2 + j] = random.normal() * Math.sqrt(1 / h);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const g = new Float64Array(size);
  const hid = new Float64Array(h);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  const order = x.map((_, k) => k);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random.next);
    for (let start = 0; start < order.length; start += options.batchSize) {
      const batch = order.slice(start, start + options.batchSize);
      g.fill(0);
      for (const k of batch) {
        const row = x[k];
        let z = p[B2];
        for (let j = 0; j < h; j++) {
          let a = p[B1 + j];
          const off = W1 + j * d;
          for (let i = 0; i < d; i++) a += p[off + i] * row[i];
          hid[j] = a > 0 ? a : 0;
          z += p[W2 + j] * hid[j];
        }
        const error = ((1 / (1 + Math.exp(-z)) - y[k]) * classWeight[y[k]]) / batch.length;
        g[B2] += error;
        for (let j = 0; j < h; j++) {
          g[W2 + j] += error * hid[j];
          if (hid[j] <= 0) continue;
          const back = error * p[W2 + j];
          g[B1 + j] += back;
          const off = W1 + j * d;
          for (let i = 0; i < d; i++) g[off + i] += back * row[i];
        }
      }
      for (let k = 0; k < h * d; k++) g[W1 + k] += options.lambda * p[W1 + k];
      for (let j = 0; j < h; j++) g[W2 + j] += options.lambda * p[W2 + j];
      step++;
      const correction1 = 1 - beta1 ** step;
      const correction2 = 1 - beta2 ** step;
      for (let k = 0; k < size; k++) {
        m[k] = beta1 * m[k] + (1 - beta1) * g[k];
        v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];
        p[k] -= (options.learningRate * (m[k] / correction1)) / (Math.sqrt(v[k] / correction2) + eps);
      }
    }
  }
  return {
    hidden: { weights: Array.from(p.subarray(W1, B1)), bias: Array.from(p.subarray(B1, W2)) },
    weights: Array.from(p.subarray(W2, B2)),
    bias: p[B2],
  };
}
