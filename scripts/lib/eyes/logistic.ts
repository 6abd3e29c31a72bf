/**
 * L2-regularised logistic regression by full-batch gradient descent, classes weighted equally (the
 * eyes set has more closed than open images). Small and dependency-free: the eye-crop model has one
 * weight per patch cell.
 */
export interface LogisticFit {
  weights: number[];
  bias: number;
}

export interface LogisticOptions {
  /** L2 penalty on the weights (not the bias). */
  lambda: number;
  iterations: number;
  learningRate: number;
}

/** Fits y ∈ {0, 1} on rows of x (equal lengths). */
export function fitLogistic(x: readonly Float32Array[], y: readonly (0 | 1)[], options: LogisticOptions): LogisticFit {
  const d = x[0].length;
  const positives = y.filter((v) => v === 1).length;
  const classWeight = [0.5 / Math.max(1, y.length - positives), 0.5 / Math.max(1, positives)];
  const w = new Float64Array(d);
  let b = 0;
  const gradient = new Float64Array(d);
  for (let it = 0; it < options.iterations; it++) {
    gradient.fill(0);
    let gradientBias = 0;
    for (let k = 0; k < x.length; k++) {
      const row = x[k];
      let z = b;
      for (let j = 0; j < d; j++) z += w[j] * row[j];
      const error = (1 / (1 + Math.exp(-z)) - y[k]) * classWeight[y[k]];
      for (let j = 0; j < d; j++) gradient[j] += error * row[j];
      gradientBias += error;
    }
    for (let j = 0; j < d; j++) w[j] -= options.learningRate * (gradient[j] + options.lambda * w[j]);
    b -= options.learningRate * gradientBias;
  }
  return { weights: Array.from(w), bias: b };
}
