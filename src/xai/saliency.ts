import type { CombinedResult } from './combined';
import type { LimeResult } from './lime';
import type { ScalarMap } from './types';

/** LIME as a per-pixel saliency: each pixel gets its superpixel's coefficient (every superpixel, not only the top ones). */
export function limeSaliency(result: LimeResult): ScalarMap {
  const { width, height, labels } = result.segmentation;
  return { width, height, values: Float32Array.from(labels, (l) => result.coefficients[l]) };
}

/**
 * What the combined view claims, as a ranking: pixels of LIME's top superpixels (on E) first, ordered
 * within by the Grad-CAM map; then all other pixels, again by the Grad-CAM map. Values: 1 + cam inside
 * the top superpixels, cam outside (cam in [0, 1]).
 */
export function combinedSaliency(result: CombinedResult): ScalarMap {
  const { map } = result.gradcam;
  const top = new Uint8Array(result.lime.segmentation.count);
  for (const s of result.lime.topSegments) top[s] = 1;
  const labels = result.lime.segmentation.labels;
  return { width: map.width, height: map.height, values: map.values.map((v, i) => (top[labels[i]] ? 1 + v : v)) };
}
