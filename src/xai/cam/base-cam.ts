import type { RgbaImage } from '../../image';
import type { ConvGradients, ExplainableModel } from '../model';
import type { ExplainCallOptions, ScalarMap } from '../types';
import { normalizeMap } from './normalize-map';
import { resizeMap } from './resize-map';

/** One weight per channel of the explained conv layer: the only thing a CAM variant decides. */
export type CamWeightFunction = (conv: ConvGradients) => Float32Array;

export interface CamCallOptions extends ExplainCallOptions {
  /** Class to explain; default the predicted class. */
  target?: number;
}

export interface CamResult {
  target: number;
  /** The model's class probabilities for the image (from the same forward pass). */
  probabilities: number[];
  /** ReLU(Σ_k w_k A^k) at the conv layer's resolution, before scaling. */
  raw: ScalarMap;
  /** The map scaled to [0, 1] and upsampled to the image size. */
  map: ScalarMap;
}

export interface CamExplainer {
  explain(image: RgbaImage, options?: CamCallOptions): Promise<CamResult>;
}

/**
 * The CAM base (pytorch-grad-cam's BaseCAM): owns the model call (forward + gradients), the weighted
 * sum of activation channels, ReLU, min-max scaling and the upsampling; variants pass only
 * `getCamWeights`.
 */
export function createCamExplainer(model: ExplainableModel, getCamWeights: CamWeightFunction): CamExplainer {
  return {
    async explain(image, options = {}) {
      const { signal, onProgress, target } = options;
      if (image.width !== model.inputWidth || image.height !== model.inputHeight) {
        throw new Error(`CAM: image is ${image.width}×${image.height}, the model takes ${model.inputWidth}×${model.inputHeight}`);
      }
      signal?.throwIfAborted();
      onProgress?.({ stage: 'gradcam', fraction: 0 });
      const conv = await model.convGradients(image, target);
      signal?.throwIfAborted();
      const weights = getCamWeights(conv);
      const raw = weightedChannelSum(conv, weights);
      for (let i = 0; i < raw.length; i++) if (raw[i] < 0) raw[i] = 0;
      const map = resizeMap({ width: conv.width, height: conv.height, values: normalizeMap(raw) }, image.width, image.height);
      onProgress?.({ stage: 'gradcam', fraction: 1 });
      return {
        target: conv.target,
        probabilities: Array.from(conv.probabilities),
        raw: { width: conv.width, height: conv.height, values: raw },
        map,
      };
    },
  };
}

function weightedChannelSum(conv: ConvGradients, weights: Float32Array): Float32Array {
  const { height, width, channels, activations } = conv;
  const out = new Float32Array(height * width);
  for (let i = 0; i < height * width; i++) {
    let sum = 0;
    for (let k = 0; k < channels; k++) sum += weights[k] * activations[i * channels + k];
    out[i] = sum;
  }
  return out;
}
