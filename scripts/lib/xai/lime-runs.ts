/**
 * LIME on one image in every mode the evaluations compare: the reference (the paper's, seed 0), the
 * reference under another seed (1), the fast mode (as Explain runs it), and LIME with a Grad-CAM prior
 * (the fast mode's samples, kernel-weighted ridge towards Grad-CAM's superpixel masses scaled to the
 * samples, BayLIME-style: the principled Grad-CAM + LIME combination the faithfulness report tries; it
 * shares the fast mode's forwards, only the fit differs). The two reference runs come from the reference
 * cache (npm run xai:reference) when it has the image, else they are computed (2000 forwards).
 */
import type { RgbaImage } from '../../../src/image';
import type { CamResult } from '../../../src/xai/cam/base-cam';
import { createLime, DEFAULT_LIME_OPTIONS, limeModeSetup, topPositive, type LimeResult, type LimeStages } from '../../../src/xai/lime';
import { fitWeightedRidge } from '../../../src/xai/lime/weighted-ridge';
import type { ExplainableModel } from '../../../src/xai/model';
import { type ReferenceRecord, referenceResult } from './reference-cache';
import { scaledPriorMean, superpixelMass } from './saliency-prior';

/**
 * Ridge weight of the Grad-CAM prior: about the data's own weight per coefficient with the fast mode's
 * samples (n × mean kernel weight × var(x) ≈ 112 × 0.4 × 0.25), so prior and samples count alike. Not tuned.
 */
export const GRADCAM_PRIOR_WEIGHT = 12;

export interface LimeRuns {
  reference: LimeResult;
  referenceSeed2: LimeResult;
  fast: LimeResult;
  /** The fast mode's samples fitted with the Grad-CAM prior. */
  prior: LimeResult;
  /** Wall time of the fast LIME (including its quickshift). */
  fastMs: number;
}

export async function limeRuns(model: ExplainableModel, image: RgbaImage, cam: CamResult, cached?: ReferenceRecord): Promise<LimeRuns> {
  const target = cam.target;
  if (cached && cached.target !== target) throw new Error(`limeRuns: the cached reference explains class ${cached.target}, Grad-CAM ${target}`);
  const reference = cached ? referenceResult(cached, 0) : await createLime(model).explain(image, { target });
  const referenceSeed2 = cached ? referenceResult(cached, 1) : await createLime(model, { seed: 1 }).explain(image, { target, segmentation: reference.segmentation });
  const { options, stages } = limeModeSetup('fast');
  let fitInputs: { x: Uint8Array; n: number; p: number; y: Float64Array; w: Float64Array } | undefined;
  const fitSurrogate: LimeStages['fitSurrogate'] = (x, n, p, y, w, alpha) => {
    fitInputs = { x, n, p, y, w };
    return stages.fitSurrogate!(x, n, p, y, w, alpha);
  };
  const started = performance.now();
  const fast = await createLime(model, options, { ...stages, fitSurrogate }).explain(image, { target });
  const fastMs = performance.now() - started;
  if (fast.segmentation.count !== reference.segmentation.count || fast.segmentation.labels.some((l, i) => l !== reference.segmentation.labels[i])) {
    throw new Error('limeRuns: the fast run segmented the image differently from the reference');
  }
  const { x, n, p, y, w } = fitInputs!;
  const priorMean = scaledPriorMean(x, n, p, y, w, superpixelMass(cam.map, fast.segmentation));
  const fit = fitWeightedRidge(x, n, p, y, w, GRADCAM_PRIOR_WEIGHT, priorMean);
  const prior: LimeResult = {
    ...fast,
    ...fit,
    localPrediction: fit.coefficients.reduce((sum, c) => sum + c, fit.intercept), // row 0 is all on
    topSegments: topPositive(fit.coefficients, DEFAULT_LIME_OPTIONS.numTopSegments),
  };
  return { reference, referenceSeed2, fast, prior, fastMs };
}
