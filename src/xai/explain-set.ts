/**
 * Runs the chosen explanation methods on one image, as the overlay's "Explain" asks for them:
 * Grad-CAM, LIME, the paper's combined Grad-CAM+LIME, or all three. Grad-CAM always comes first (one
 * forward and backward pass): it is shown at once and it is the combined method's first step; LIME
 * and the combined view then refine it. Progress is reported per method.
 */
import type { RgbaImage } from '../image';
import type { CamResult } from './cam/base-cam';
import { createCombined, type CombinedResult } from './combined';
import { createGradCam } from './gradcam';
import { createLime, limeModeSetup, type LimeResult } from './lime';
import type { ExplainableModel } from './model';
import type { ExplainProgress } from './types';

import type { ExplainMethod, LimeMode } from './explain-method';

export { EXPLAIN_METHODS, LIME_MODES, type ExplainMethod, type LimeMode } from './explain-method';

/** The image the model saw (its input size) and whichever explanations of it were computed. */
export interface ExplanationSet {
  frame: RgbaImage;
  gradcam?: CamResult;
  lime?: LimeResult;
  combined?: CombinedResult;
}

export interface ExplainSetOptions {
  method: ExplainMethod;
  limeMode: LimeMode;
  /** The reference mode's samples and the fast mode's cap; default the paper's 1000. */
  limeSamples?: number;
  signal?: AbortSignal;
  onProgress?: (method: Exclude<ExplainMethod, 'all'>, progress: ExplainProgress) => void;
  /** The explanations so far, each time one more is ready and more are to come (Grad-CAM first). */
  onPartial?: (set: ExplanationSet) => void;
}

export async function explainSet(model: ExplainableModel, frame: RgbaImage, options: ExplainSetOptions): Promise<ExplanationSet> {
  const { method, signal } = options;
  const progress = (m: Exclude<ExplainMethod, 'all'>) => (p: ExplainProgress) => options.onProgress?.(m, p);
  const { options: limeOptions, stages } = limeModeSetup(options.limeMode, options.limeSamples);
  const gradcam = await createGradCam(model).explain(frame, { signal, onProgress: progress('gradcam') });
  const set: ExplanationSet = { frame, gradcam };
  if (method === 'gradcam') return set;
  options.onPartial?.({ ...set });
  if (method === 'lime' || method === 'all') {
    set.lime = await createLime(model, limeOptions, stages).explain(frame, { target: gradcam.target, signal, onProgress: progress('lime') });
    if (method === 'all') options.onPartial?.({ ...set });
  }
  if (method === 'combined' || method === 'all') {
    set.combined = await createCombined(model, { lime: limeOptions }, stages).explain(frame, { gradcam, signal, onProgress: progress('combined') });
  }
  return set;
}
