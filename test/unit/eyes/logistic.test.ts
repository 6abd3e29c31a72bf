import { describe, expect, it } from 'vitest';
import { fitLogistic } from '../../../scripts/lib/eyes/logistic';
import { createSeededRandom } from '../../../src/random';

describe('fitLogistic', () => {
  it('separates two Gaussian clouds along the feature that differs, and ignores the one that does not', () => {
    const random = createSeededRandom(7);
    const x: Float32Array[] = [];
    const y: (0 | 1)[] = [];
    for (let k = 0; k < 400; k++) {
      const label = k % 3 === 0 ? 1 : 0; // unbalanced on purpose
      x.push(Float32Array.from([(label ? 1 : -1) + 0.5 * random.normal(), random.normal()]));
      y.push(label);
    }
    const fit = fitLogistic(x, y, { lambda: 1e-3, iterations: 300, learningRate: 1 });
    expect(fit.weights[0]).toBeGreaterThan(2);
    expect(Math.abs(fit.weights[1])).toBeLessThan(0.5);
    const correct = x.filter((row, k) => (fit.bias + fit.weights[0] * row[0] + fit.weights[1] * row[1] > 0 ? 1 : 0) === y[k]).length;
    expect(correct / x.length).toBeGreaterThan(0.95);
  });

  it('shrinks the weights as the penalty grows', () => {
    const x = [Float32Array.from([1]), Float32Array.from([-1])];
    const y: (0 | 1)[] = [1, 0];
    const loose = fitLogistic(x, y, { lambda: 1e-4, iterations: 200, learningRate: 1 });
    const tight = fitLogistic(x, y, { lambda: 1, iterations: 200, learningRate: 1 });
    expect(Math.abs(tight.weights[0])).toBeLessThan(Math.abs(loose.weights[0]));
  });
});
