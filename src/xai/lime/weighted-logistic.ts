import { solveSymmetricPositiveDefinite } from './weighted-ridge';

/** A fitted logistic model: probability = σ(intercept + coefficients · x). */
export interface LogisticFit {
  intercept: number;
  coefficients: Float64Array;
}

export const logisticProbability = (fit: LogisticFit, x: ArrayLike<number>, offset: number): number => {
  let z = fit.intercept;
  for (let f = 0; f < fit.coefficients.length; f++) z += fit.coefficients[f] * x[offset + f];
  return 1 / (1 + Math.exp(-z));
};

/**
 * Weighted logistic regression on fractional targets y ∈ [0, 1] (the model's probabilities), by
 * damped Newton steps on the weighted cross-entropy + penalty/2·‖coefficients‖² (the intercept is
 * unpenalised but for a tiny term that keeps an all-0 or all-1 target finite). x row-major,
 * numSamples × numFeatures.
 */
export function fitWeightedLogistic(x: ArrayLike<number>, numSamples: number, numFeatures: number, y: ArrayLike<number>, weights: ArrayLike<number>, penalty: number): LogisticFit {
  const q = numFeatures + 1;
  const theta = new Float64Array(q);
  const row = new Float64Array(q);
  const fillRow = (s: number) => {
    row[0] = 1;
    for (let f = 0; f < numFeatures; f++) row[f + 1] = x[s * numFeatures + f];
  };
  const penaltyOf = (i: number) => (i === 0 ? 1e-6 : penalty);
  const loss = (t: Float64Array) => {
    let sum = 0;
    for (let s = 0; s < numSamples; s++) {
      fillRow(s);
      let z = 0;
      for (let i = 0; i < q; i++) z += t[i] * row[i];
      // y·log σ(z) + (1 − y)·log σ(−z), written stably
      sum += weights[s] * (Math.max(z, 0) - y[s] * z + Math.log1p(Math.exp(-Math.abs(z))));
    }
    for (let i = 0; i < q; i++) sum += 0.5 * penaltyOf(i) * t[i] * t[i];
    return sum;
  };
  let current = loss(theta);
  for (let iteration = 0; iteration < 50; iteration++) {
    const hessian = new Float64Array(q * q);
    const gradient = new Float64Array(q);
    for (let s = 0; s < numSamples; s++) {
      fillRow(s);
      let z = 0;
      for (let i = 0; i < q; i++) z += theta[i] * row[i];
      const mu = 1 / (1 + Math.exp(-z));
      const r = weights[s] * (mu - y[s]);
      const h = weights[s] * mu * (1 - mu);
      for (let i = 0; i < q; i++) {
        if (row[i] === 0) continue;
        gradient[i] += r * row[i];
        for (let j = i; j < q; j++) hessian[i * q + j] += h * row[i] * row[j];
      }
    }
    for (let i = 0; i < q; i++) {
      gradient[i] += penaltyOf(i) * theta[i];
      hessian[i * q + i] += penaltyOf(i);
      for (let j = 0; j < i; j++) hessian[i * q + j] = hessian[j * q + i];
    }
    const step = solveSymmetricPositiveDefinite(hessian, gradient, q);
    // halve the step until the loss does not rise (Newton overshoots where the targets saturate)
    let scale = 1;
    let next = theta;
    for (let halving = 0; halving < 30; halving++, scale /= 2) {
      const candidate = theta.map((t, i) => t - scale * step[i]);
      const value = loss(candidate);
      if (value <= current) {
        next = candidate;
        current = value;
        break;
      }
    }
    let change = 0;
    for (let i = 0; i < q; i++) change = Math.max(change, Math.abs(next[i] - theta[i]));
    theta.set(next);
    if (change < 1e-8) break;
  }
  return { intercept: theta[0], coefficients: theta.slice(1) };
}
