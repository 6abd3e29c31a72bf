import { type SeededRandom, shuffleInPlace } from '../../random';
import type { PerturbationSamples } from './sample-perturbations';

/**
 * A variance-reduced design for LIME's on/off samples. Row 0 is the original (all on), row 1 its
 * complement (all off); the remaining rows come in complementary pairs (x, 1 − x), each x showing
 * half the superpixels (a random ⌊p/2⌋, its mirror the other ⌈p/2⌉). So every superpixel is off in exactly half the
 * samples, every perturbed row has (for an even count) the same cosine distance to the original (equal kernel weights),
 * and, because a pair's two rows are each other's mirror image, every even-order interaction of the
 * model's response (e.g. "superpixels a and b together") cancels out of the estimated main effects:
 * the fit sees only the main effects and odd-order interactions, which is why far fewer samples give
 * a surrogate as stable as 1000 independent draws (foldover designs, Box & Hunter 1961).
 */
export function balancedPerturbations(numSamples: number, numFeatures: number, random: SeededRandom): PerturbationSamples {
  const on = new Uint8Array(numSamples * numFeatures);
  on.fill(1, 0, numFeatures);
  const order = Array.from({ length: numFeatures }, (_, f) => f);
  for (let s = 2; s < numSamples; s += 2) {
    shuffleInPlace(order, random.next);
    for (let i = 0; i < numFeatures >> 1; i++) on[s * numFeatures + order[i]] = 1;
    if (s + 1 < numSamples) for (let f = 0; f < numFeatures; f++) on[(s + 1) * numFeatures + f] = 1 - on[s * numFeatures + f];
  }
  return { numSamples, numFeatures, on };
}

