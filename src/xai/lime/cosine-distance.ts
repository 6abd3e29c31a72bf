import type { PerturbationSamples } from './sample-perturbations';

/**
 * Cosine distance of every sample's on/off vector to row 0 (all on), as
 * sklearn.metrics.pairwise_distances(..., metric='cosine') gives it: 1 − cos, an all-off row
 * (zero vector) at distance 1, clipped to [0, 2].
 */
export function cosineDistanceToFirst(samples: PerturbationSamples): Float64Array {
  const { numSamples, numFeatures, on } = samples;
  let refNorm2 = 0;
  for (let f = 0; f < numFeatures; f++) refNorm2 += on[f] * on[f];
  const distances = new Float64Array(numSamples);
  for (let s = 0; s < numSamples; s++) {
    let dot = 0;
    let norm2 = 0;
    for (let f = 0; f < numFeatures; f++) {
      const v = on[s * numFeatures + f];
      dot += v * on[f];
      norm2 += v * v;
    }
    const cos = norm2 > 0 && refNorm2 > 0 ? dot / (Math.sqrt(norm2) * Math.sqrt(refNorm2)) : 0;
    distances[s] = Math.min(Math.max(1 - cos, 0), 2);
  }
  return distances;
}
