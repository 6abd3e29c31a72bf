/** A fitted linear surrogate: plain data. */
export interface RidgeFit {
  coefficients: number[];
  intercept: number;
  /** Weighted coefficient of determination on the training samples (sklearn's score with sample_weight). */
  r2: number;
}

/**
 * Weighted ridge regression with an unpenalised intercept, as sklearn's Ridge(alpha).fit(X, y,
 * sample_weight=w) solves it: centre X and y on their weighted means, solve
 * (Xcᵀ W Xc + αI) β = Xcᵀ W yc by Cholesky, intercept = ȳ − x̄·β.
 * x is row-major, numSamples × numFeatures (any numeric typed array, e.g. LIME's 0/1 bytes).
 * With `priorMean` the penalty is α‖β − priorMean‖² (a Gaussian prior centred there, as BayLIME puts
 * it) instead of α‖β‖²: the right-hand side gains α·priorMean.
 */
export function fitWeightedRidge(
  x: ArrayLike<number>,
  numSamples: number,
  numFeatures: number,
  y: ArrayLike<number>,
  weights: ArrayLike<number>,
  alpha: number,
  priorMean?: ArrayLike<number>,
): RidgeFit {
  const p = numFeatures;
  let wSum = 0;
  let yMean = 0;
  const xMean = new Float64Array(p);
  for (let s = 0; s < numSamples; s++) {
    const w = weights[s];
    wSum += w;
    yMean += w * y[s];
    for (let f = 0; f < p; f++) xMean[f] += w * x[s * p + f];
  }
  if (!(wSum > 0)) throw new Error('fitWeightedRidge: weights must have a positive sum');
  yMean /= wSum;
  for (let f = 0; f < p; f++) xMean[f] /= wSum;

  // normal equations on centred data; only the upper triangle is accumulated
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  const row = new Float64Array(p);
  for (let s = 0; s < numSamples; s++) {
    const w = weights[s];
    if (w === 0) continue;
    for (let f = 0; f < p; f++) row[f] = x[s * p + f] - xMean[f];
    const yc = (y[s] - yMean) * w;
    for (let i = 0; i < p; i++) {
      const wi = w * row[i];
      b[i] += row[i] * yc;
      for (let j = i; j < p; j++) a[i * p + j] += wi * row[j];
    }
  }
  for (let i = 0; i < p; i++) {
    a[i * p + i] += alpha;
    if (priorMean) b[i] += alpha * priorMean[i];
    for (let j = 0; j < i; j++) a[i * p + j] = a[j * p + i];
  }
  const coefficients = Array.from(solveSymmetricPositiveDefinite(a, b, p));
  let intercept = yMean;
  for (let f = 0; f < p; f++) intercept -= xMean[f] * coefficients[f];

  const r2 = weightedR2(x, numSamples, p, y, weights, coefficients, intercept);
  return { coefficients, intercept, r2 };
}

/** sklearn's r2_score with sample weights of a linear prediction on the samples: a constant target scores 1 when predicted exactly, else 0. */
export function weightedR2(
  x: ArrayLike<number>,
  numSamples: number,
  numFeatures: number,
  y: ArrayLike<number>,
  weights: ArrayLike<number>,
  coefficients: readonly number[],
  intercept: number,
): number {
  let wSum = 0;
  let yMean = 0;
  for (let s = 0; s < numSamples; s++) {
    wSum += weights[s];
    yMean += weights[s] * y[s];
  }
  // no weight (or no samples) leaves the mean undefined: without this the score came out 1
  if (!(wSum > 0)) throw new Error('weightedR2: weights must have a positive sum');
  yMean /= wSum;
  let ssRes = 0;
  let ssTot = 0;
  for (let s = 0; s < numSamples; s++) {
    let pred = intercept;
    for (let f = 0; f < numFeatures; f++) pred += coefficients[f] * x[s * numFeatures + f];
    ssRes += weights[s] * (y[s] - pred) ** 2;
    ssTot += weights[s] * (y[s] - yMean) ** 2;
  }
  return ssTot > 0 ? 1 - ssRes / ssTot : ssRes === 0 ? 1 : 0;
}

/** Solves A z = b for symmetric positive-definite A (p × p, row-major) by Cholesky; A is overwritten. */
export function solveSymmetricPositiveDefinite(a: Float64Array, b: Float64Array, p: number): Float64Array {
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j];
    for (let k = 0; k < j; k++) d -= a[j * p + k] * a[j * p + k];
    if (!(d > 0)) throw new Error('solveSymmetricPositiveDefinite: matrix is not positive definite');
    const l = Math.sqrt(d);
    a[j * p + j] = l;
    for (let i = j + 1; i < p; i++) {
      let v = a[i * p + j];
      for (let k = 0; k < j; k++) v -= a[i * p + k] * a[j * p + k];
      a[i * p + j] = v / l;
    }
  }
  const z = Float64Array.from(b);
  for (let i = 0; i < p; i++) {
    for (let k = 0; k < i; k++) z[i] -= a[i * p + k] * z[k];
    z[i] /= a[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    for (let k = i + 1; k < p; k++) z[i] -= a[k * p + i] * z[k];
    z[i] /= a[i * p + i];
  }
  return z;
}
