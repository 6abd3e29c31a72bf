import type { RgbaImage } from '../../image';
import type { Segmentation } from '../types';

/**
 * Writes one perturbed image into `out`: pixels of switched-on superpixels from `image`, the others
 * from `fill`. `on` holds one sample's row (numFeatures bytes starting at `offset`).
 */
export function perturbImage(
  image: RgbaImage,
  fill: RgbaImage,
  segmentation: Segmentation,
  on: Uint8Array,
  offset: number,
  out: Uint8ClampedArray,
): void {
  const { labels } = segmentation;
  const src = image.data;
  const hidden = fill.data;
  for (let i = 0; i < labels.length; i++) {
    const from = on[offset + labels[i]] ? src : hidden;
    const j = i * 4;
    out[j] = from[j];
    out[j + 1] = from[j + 1];
    out[j + 2] = from[j + 2];
    out[j + 3] = from[j + 3];
  }
}
