/**
 * Runs the chosen explanation methods on one image, as the overlay's "Explain" asks for them:
 * Grad-CAM, LIME, the paper's combined Grad-CAM+LIME, or all three. Progress is reported per method.
 */
import type { RgbaImage } from '../image';
import type { CamResult } from './cam/base-cam';
import { createCombined, type CombinedResult } from './combined';
import { createGradCam } from './gradcam';
import { createLime, type LimeOptions, type LimeResult } from './lime';
import type { ExplainableModel } from './model';
import type { ExplainProgress } from './types';

import type { ExplainMethod } from './explain-method';

export { EXPLAIN_METHODS, type ExplainMethod } from './explain-method';

/** The image the model saw (its input size) and whichever explanations of it were computed. */
export interface ExplanationSet {
  frame: RgbaImage;
  gradcam?: CamResult;
  lime?: LimeResult;
  combined?: CombinedResult;
}

export interface ExplainSetOptions {
  method: ExplainMethod;
  lime?: Partial<LimeOptions>;
  signal?: AbortSignal;
  onProgress?: (method: Exclude<ExplainMethod, 'all'>, progress: ExplainProgress) => void;
}

export async function explainSet(model: ExplainableModel, frame: RgbaImage, options: ExplainSetOptions): Promise<ExplanationSet> {
  const { method, signal } = options;
  const progress = (m: Exclude<ExplainMethod, 'all'>) => (p: ExplainProgress) => options.onProgress?.(m, p);
  const set: ExplanationSet = { frame };
  if (method === 'combined' || method === 'all') {
    set.combined = await createCombined(model, { lime: options.lime }).explain(frame, { signal, onProgress: progress('combined') });
    // The combined method computes Grad-CAM first; it is the same map, so it is not computed twice.
    set.gradcam = set.combined.gradcam;
  }
  if (method === 'gradcam') set.gradcam = await createGradCam(model).explain(frame, { signal, onProgress: progress('gradcam') });
  if (method === 'lime' || method === 'all') set.lime = await createLime(model, options.lime).explain(frame, { signal, onProgress: progress('lime') });
  return set;
}
