import { createSeededRandom } from '../../random';
import { cosineDistanceToFirst } from './cosine-distance';
import { exponentialKernel } from './kernel-weights';
import { samplePerturbations } from './sample-perturbations';
import { fitWeightedLogistic, logisticProbability } from './weighted-logistic';
import { fitWeightedRidge, type RidgeFit, weightedR2 } from './weighted-ridge';

export interface ReferenceProjectionOptions {
  /** Sample count of the reference LIME whose surrogate is estimated (its ridge shrinkage and its original-image row count as at that size). */
  referenceSamples: number;
  /** The reference's kernel width (cosine distance, lime's exponential kernel). */
  kernelWidth: number;
  /** Free draws (no forwards) from the reference's distribution on which the logistic model is projected. */
  draws: number;
  drawSeed: number;
  /** Ridge penalty of the logistic model's coefficients. */
  logisticPenalty: number;
}

/**
 * The reference LIME's surrogate, estimated from few forwards (a `fitSurrogate` stage; the samples must be
 * the reference's own kind: row 0 the original image, the others uniform random on/off, weighted by the
 * reference's kernel). The reference fits a straight line by kernel-weighted ridge to the probability of
 * 1000 such samples, and what it estimates is that fit's expectation over its random draws. A probability
 * saturates (it barely moves while the evidence is overwhelming, then drops), so a straight line is a poor
 * model of the samples and its fit is noisy; a logistic model of the same superpixels fits them far better.
 * So: (1) fit a logistic model to the few samples (kernel-weighted); (2) fit the reference's weighted ridge
 * to the logistic model's predictions on `draws` free samples from the reference's distribution (a
 * projection that costs no forwards); (3) add the weighted ridge fit of what the logistic model missed on
 * the real samples, so a wrong logistic model is corrected rather than trusted (a model-assisted, "GREG"
 * estimator). Sample weights are scaled so that, as in the reference, the original-image row counts once
 * against referenceSamples − 1 random rows and alpha shrinks as much as it does there.
 */
export function referenceProjection(options: ReferenceProjectionOptions) {
  const { referenceSamples, kernelWidth, draws, drawSeed, logisticPenalty } = options;
  return (x: Uint8Array, numSamples: number, numFeatures: number, y: ArrayLike<number>, weights: ArrayLike<number>, alpha: number): RidgeFit => {
    const p = numFeatures;
    const model = fitWeightedLogistic(x, numSamples, p, y, weights, logisticPenalty);

    const free = samplePerturbations(draws, p, createSeededRandom(drawSeed));
    const freeWeights = asReference(exponentialKernel(cosineDistanceToFirst(free), kernelWidth), referenceSamples);
    const predicted = Float64Array.from({ length: draws }, (_, s) => logisticProbability(model, free.on, s * p));
    const projection = fitWeightedRidge(free.on, draws, p, predicted, freeWeights, alpha);

    const sampleWeights = asReference(Float64Array.from(weights), referenceSamples);
    const missed = Float64Array.from({ length: numSamples }, (_, s) => y[s] - logisticProbability(model, x, s * p));
    const correction = fitWeightedRidge(x, numSamples, p, missed, sampleWeights, alpha);

    const coefficients = projection.coefficients.map((c, f) => c + correction.coefficients[f]);
    const intercept = projection.intercept + correction.intercept;
    return { coefficients, intercept, r2: weightedR2(x, numSamples, p, y, weights, coefficients, intercept) };
  };
}

/** Weights of rows 1.. scaled so they add up as referenceSamples − 1 rows would; row 0 (the original image) keeps its own. */
function asReference(weights: Float64Array, referenceSamples: number): Float64Array {
  const scale = (referenceSamples - 1) / Math.max(1, weights.length - 1);
  for (let s = 1; s < weights.length; s++) weights[s] *= scale;
  return weights;
}
