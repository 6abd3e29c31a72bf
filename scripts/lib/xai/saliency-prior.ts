import type { ScalarMap, Segmentation } from '../../../src/xai/types';

/** Each superpixel's total saliency (sum over its pixels): how much of a map, e.g. Grad-CAM's, it holds. */
export function superpixelMass(map: ScalarMap, segmentation: Segmentation): Float64Array {
  if (map.width !== segmentation.width || map.height !== segmentation.height) throw new Error('superpixelMass: map and segmentation sizes differ');
  const mass = new Float64Array(segmentation.count);
  for (let i = 0; i < segmentation.labels.length; i++) mass[segmentation.labels[i]] += map.values[i];
  return mass;
}

/**
 * The prior mean of LIME's coefficients from a saliency map's superpixel masses: shape from the map,
 * scale from the samples. The scale c ≥ 0 is the weighted least-squares fit of y ≈ const + c·(x·mass),
 * so the prior is in the surrogate's units (probability per superpixel) and a map that points the wrong
 * way (c would be negative) gives the plain ridge prior, zero.
 */
export function scaledPriorMean(
  x: ArrayLike<number>,
  numSamples: number,
  numFeatures: number,
  y: ArrayLike<number>,
  weights: ArrayLike<number>,
  mass: ArrayLike<number>,
): Float64Array {
  const z = new Float64Array(numSamples);
  let wSum = 0;
  let zMean = 0;
  let yMean = 0;
  for (let s = 0; s < numSamples; s++) {
    for (let f = 0; f < numFeatures; f++) z[s] += x[s * numFeatures + f] * mass[f];
    wSum += weights[s];
    zMean += weights[s] * z[s];
    yMean += weights[s] * y[s];
  }
  zMean /= wSum;
  yMean /= wSum;
  let zy = 0;
  let zz = 0;
  for (let s = 0; s < numSamples; s++) {
    zy += weights[s] * (z[s] - zMean) * (y[s] - yMean);
    zz += weights[s] * (z[s] - zMean) ** 2;
  }
  const scale = zz > 0 ? Math.max(0, zy / zz) : 0;
  return Float64Array.from(mass, (m) => scale * m);
}
