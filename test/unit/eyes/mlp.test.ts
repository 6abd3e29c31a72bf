import { describe, expect, it } from 'vitest';
import { fitLogistic } from '../../../scripts/lib/eyes/logistic';
import { fitMlp } from '../../../scripts/lib/eyes/mlp';
import { patchLogit, validateEyePatchModel } from '../../../src/model/eyes/eye-patch-model';
import { createSeededRandom } from '../../../src/random';

const PATCH = { cols: 2, rows: 1, halfWidth: 1, halfHeight: 1, supersample: 1 };

/** Two features whose signs agree (class 1) or differ (class 0): no line separates them. */
function xorClouds(n: number, seed: number) {
  const random = createSeededRandom(seed);
  const x: Float32Array[] = [];
  const y: (0 | 1)[] = [];
  for (let k = 0; k < n; k++) {
    const a = random.next() < 0.5 ? -1 : 1;
    const b = random.next() < 0.5 ? -1 : 1;
    x.push(Float32Array.from([a + 0.3 * random.normal(), b + 0.3 * random.normal()]));
    y.push(a === b ? 1 : 0);
  }
  return { x, y };
}

describe('fitMlp', () => {
  it('separates classes no linear model can (signs agree vs differ), scored by the shipped patchLogit', () => {
    const train = xorClouds(600, 3);
    const test = xorClouds(400, 4);
    const fit = fitMlp(train.x, train.y, { hiddenUnits: 8, epochs: 60, batchSize: 32, learningRate: 0.01, lambda: 1e-4, seed: 1 });
    const model = validateEyePatchModel({ patch: PATCH, ...fit });
    const accuracy = (score: (row: Float32Array) => number) => test.x.filter((row, k) => (score(row) > 0 ? 1 : 0) === test.y[k]).length / test.x.length;
    expect(accuracy((row) => patchLogit(model, row))).toBeGreaterThan(0.95);
    const linear = fitLogistic(train.x, train.y, { lambda: 1e-3, iterations: 300, learningRate: 1 });
    expect(accuracy((row) => linear.bias + linear.weights[0] * row[0] + linear.weights[1] * row[1])).toBeLessThan(0.7);
  });

  it('weights the classes equally: a rare class is still found', () => {
    const random = createSeededRandom(9);
    const x: Float32Array[] = [];
    const y: (0 | 1)[] = [];
    for (let k = 0; k < 500; k++) {
      const label = k % 10 === 0 ? 1 : 0;
      x.push(Float32Array.from([(label ? 1 : -1) + 0.6 * random.normal(), random.normal()]));
      y.push(label);
    }
    const model = validateEyePatchModel({ patch: PATCH, ...fitMlp(x, y, { hiddenUnits: 4, epochs: 40, batchSize: 32, learningRate: 0.01, lambda: 1e-4, seed: 2 }) });
    const rare = x.filter((_, k) => y[k] === 1);
    expect(rare.filter((row) => patchLogit(model, row) > 0).length / rare.length).toBeGreaterThan(0.85);
  });

  it('refuses what it cannot fit instead of hanging or returning a constant: no rows, unequal labels, a batch of 0, no units', () => {
    const { x, y } = xorClouds(10, 3);
    const options = { hiddenUnits: 4, epochs: 1, batchSize: 4, learningRate: 0.01, lambda: 0, seed: 1 };
    expect(() => fitMlp([], [], options)).toThrow(/needs rows/);
    expect(() => fitMlp(x, y.slice(1), options)).toThrow(/as many labels/);
    expect(() => fitMlp(x, y, { ...options, batchSize: 0 })).toThrow(/batchSize/);
    expect(() => fitMlp(x, y, { ...options, hiddenUnits: 0 })).toThrow(/hiddenUnits/);
    expect(() => fitMlp(x, y, options)).not.toThrow();
  });
});
