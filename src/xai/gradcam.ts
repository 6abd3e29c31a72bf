import type { ExplainableModel } from './model';
import { type CamExplainer, type CamWeightFunction, createCamExplainer } from './cam/base-cam';

/** Grad-CAM's channel weights: a_k^c = global average over i, j of dy^c/dA^k_ij (Selvaraju et al. 2017). */
export const gradCamWeights: CamWeightFunction = ({ height, width, channels, gradients }) => {
  const weights = new Float32Array(channels);
  for (let i = 0; i < height * width; i++) for (let k = 0; k < channels; k++) weights[k] += gradients[i * channels + k];
  return weights.map((w) => w / (height * width));
};

/** Grad-CAM: the CAM base with gradient-average channel weights. */
export function createGradCam(model: ExplainableModel): CamExplainer {
  return createCamExplainer(model, gradCamWeights);
}
