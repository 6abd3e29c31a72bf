import type { SeededRandom } from '../../random';

/** LIME's interpretable samples: a row per sample, a 0/1 per superpixel; row-major bytes. */
export interface PerturbationSamples {
  numSamples: number;
  numFeatures: number;
  /** on[s * numFeatures + f] = 1 when superpixel f is shown in sample s. */
  on: Uint8Array;
}

/** Uniform random on/off draws as lime's data_labels makes them, with row 0 all on (the original image). */
export function samplePerturbations(numSamples: number, numFeatures: number, random: SeededRandom): PerturbationSamples {
  const on = new Uint8Array(numSamples * numFeatures);
  on.fill(1, 0, numFeatures);
  for (let i = numFeatures; i < on.length; i++) on[i] = random.next() < 0.5 ? 1 : 0;
  return { numSamples, numFeatures, on };
}
