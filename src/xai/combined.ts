import type { RgbaImage } from '../image';
import type { CamResult } from './cam/base-cam';
import type { ColorMap } from './colormap';
import { createGradCam } from './gradcam';
import { createLime, type LimeOptions, type LimeResult, type LimeStages } from './lime';
import type { ExplainableModel } from './model';
import { overlayHeatmap } from './render';
import type { ExplainCallOptions } from './types';

export interface CombinedOptions {
  /** Weight of the image in the overlay E (the heatmap gets 1 − this). */
  imageWeight: number;
  /** Colour map of the heatmap burnt into E; default viridis, the one the panel shows. */
  colormap?: ColorMap;
  lime: Partial<LimeOptions>;
}

export const DEFAULT_COMBINED_OPTIONS: CombinedOptions = { imageWeight: 0.5, lime: {} };

export interface CombinedCallOptions extends ExplainCallOptions {
  /** Class to explain; default the class predicted for the image. */
  target?: number;
  /** Grad-CAM of this image computed beforehand (step 1 is then skipped; its target is the one explained). */
  gradcam?: CamResult;
}

export interface CombinedResult {
  target: number;
  /** The model's probabilities for the (un-overlaid) image. */
  probabilities: number[];
  gradcam: CamResult;
  /** E: the Grad-CAM heatmap overlaid on the image. */
  overlay: RgbaImage;
  /** LIME run on E: its superpixels, coefficients and top superpixels are of E. */
  lime: LimeResult;
}

export interface CombinedExplainer {
  explain(image: RgbaImage, options?: CombinedCallOptions): Promise<CombinedResult>;
}

/**
 * The paper's combined Grad-CAM + LIME, its steps in order: (1) Grad-CAM map for the target class;
 * (2) overlay it on the image → E; (3) superpixels on E; (4) 1000 on/off perturbations of E;
 * (5) cosine distances and kernel weights; (6) weighted linear surrogate; (7) the top superpixels,
 * shown with the heatmap (render: overlay + showOnlySegments/outlineSegments). LIME explains the same
 * class Grad-CAM did.
 */
export function createCombined(model: ExplainableModel, options: Partial<CombinedOptions> = {}, stages: Partial<LimeStages> = {}): CombinedExplainer {
  const o: CombinedOptions = { ...DEFAULT_COMBINED_OPTIONS, ...options };
  const gradcam = createGradCam(model);
  const lime = createLime(model, o.lime, stages);
  return {
    async explain(image, call = {}) {
      const { signal, onProgress } = call;
      const cam = call.gradcam ?? (await gradcam.explain(image, { target: call.target, signal, onProgress }));
      onProgress?.({ stage: 'overlay', fraction: 0 });
      const overlay = overlayHeatmap(image, cam.map, o.imageWeight, o.colormap);
      onProgress?.({ stage: 'overlay', fraction: 1 });
      const limeResult = await lime.explain(overlay, { target: cam.target, signal, onProgress });
      return { target: cam.target, probabilities: cam.probabilities, gradcam: cam, overlay, lime: limeResult };
    },
  };
}
