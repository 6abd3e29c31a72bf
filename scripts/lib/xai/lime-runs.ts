/**
 * LIME on one image in every mode the evaluations compare: the reference (the paper's, seed 0), the
 * reference under another seed (1), the fast mode (as Explain runs it), the fast design with a few more
 * samples (124, the most that is still 8× fewer than the reference), and LIME with a Grad-CAM prior
 * (the fast mode's samples, ridge towards Grad-CAM's superpixel masses scaled to the samples, BayLIME-
 * style: the principled Grad-CAM + LIME combination the faithfulness report tries). The last three share
 * their forwards: the balanced design's rows do not depend on how many are drawn, so the fast mode's
 * 100 samples are the first 100 of the 124, and the prior only changes the fit.
 */
import type { RgbaImage } from '../../../src/image';
import type { CamResult } from '../../../src/xai/cam/base-cam';
import { createLime, DEFAULT_LIME_OPTIONS, FAST_LIME_OPTIONS, limeModeSetup, topPositive, type LimeResult } from '../../../src/xai/lime';
import { scaledPriorMean, superpixelMass } from '../../../src/xai/lime/saliency-prior';
import { fitWeightedRidge } from '../../../src/xai/lime/weighted-ridge';
import type { ExplainableModel } from '../../../src/xai/model';

/**
 * Ridge weight of the Grad-CAM prior: about the data's own weight per coefficient with the fast mode's
 * samples (n × mean kernel weight × var(x) ≈ 100 × 0.5 × 0.25), so prior and samples count alike. Not tuned.
 */
export const GRADCAM_PRIOR_WEIGHT = 12;
/** The largest sample count still 8× below the reference's 1000. */
export const EIGHTH_SAMPLES = 124;

export interface LimeRuns {
  reference: LimeResult;
  referenceSeed2: LimeResult;
  fast: LimeResult;
  /** The fast design with 124 samples. */
  fast124: LimeResult;
  /** The fast mode's samples fitted with the Grad-CAM prior. */
  prior: LimeResult;
  /** Wall time of the reference LIME and of the 124-sample balanced run (each includes its quickshift). */
  ms: { reference: number; fast124: number };
}

export async function limeRuns(model: ExplainableModel, image: RgbaImage, cam: CamResult): Promise<LimeRuns> {
  const target = cam.target;
  let started = performance.now();
  const reference = await createLime(model).explain(image, { target });
  const referenceMs = performance.now() - started;
  const referenceSeed2 = await createLime(model, { seed: 1 }).explain(image, { target, segmentation: reference.segmentation });
  const { options, stages } = limeModeSetup('fast');
  let fitInputs: { x: Uint8Array; p: number; y: Float64Array; w: Float64Array } | undefined;
  const fitSurrogate: typeof fitWeightedRidge = (x, n, p, y, w, alpha, priorMean) => {
    fitInputs = { x: x as Uint8Array, p, y: y as Float64Array, w: w as Float64Array };
    return fitWeightedRidge(x, n, p, y, w, alpha, priorMean);
  };
  started = performance.now();
  const fast124 = await createLime(model, { ...options, numSamples: EIGHTH_SAMPLES }, { ...stages, fitSurrogate }).explain(image, { target });
  const fast124Ms = performance.now() - started;
  const { x, p, y, w } = fitInputs!;
  const n = FAST_LIME_OPTIONS.numSamples!;
  const refit = (alpha: number, priorMean?: Float64Array): LimeResult => {
    const fit = fitWeightedRidge(x, n, p, y, w, alpha, priorMean);
    const localPrediction = fit.coefficients.reduce((sum, c) => sum + c, fit.intercept); // row 0 is all on
    return { ...fast124, ...fit, localPrediction, numSamples: n, topSegments: topPositive(fit.coefficients, DEFAULT_LIME_OPTIONS.numTopSegments) };
  };
  const fast = refit(DEFAULT_LIME_OPTIONS.alpha);
  const prior = refit(GRADCAM_PRIOR_WEIGHT, scaledPriorMean(x, n, p, y, w, superpixelMass(cam.map, fast124.segmentation)));
  return { reference, referenceSeed2, fast, fast124, prior, ms: { reference: referenceMs, fast124: fast124Ms } };
}
