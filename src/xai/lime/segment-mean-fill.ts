import type { RgbaImage } from '../../image';
import type { Segmentation } from '../types';

/**
 * lime's default "hidden" image (hide_color=None): every superpixel painted with its own mean colour,
 * so a switched-off superpixel keeps its average tone and loses its texture. Means are rounded.
 */
export function segmentMeanFill(image: RgbaImage, segmentation: Segmentation): RgbaImage {
  const { labels, count } = segmentation;
  const sums = new Float64Array(count * 3);
  const sizes = new Float64Array(count);
  const d = image.data;
  for (let i = 0; i < labels.length; i++) {
    const s = labels[i];
    sums[s * 3] += d[i * 4];
    sums[s * 3 + 1] += d[i * 4 + 1];
    sums[s * 3 + 2] += d[i * 4 + 2];
    sizes[s]++;
  }
  const out = new Uint8ClampedArray(d.length);
  for (let i = 0; i < labels.length; i++) {
    const s = labels[i];
    out[i * 4] = Math.round(sums[s * 3] / sizes[s]);
    out[i * 4 + 1] = Math.round(sums[s * 3 + 1] / sizes[s]);
    out[i * 4 + 2] = Math.round(sums[s * 3 + 2] / sizes[s]);
    out[i * 4 + 3] = d[i * 4 + 3];
  }
  return { width: image.width, height: image.height, data: out };
}

/** lime's hide_color=<colour>: one constant colour for every switched-off superpixel. */
export function constantFill(image: RgbaImage, rgb: readonly [number, number, number]): RgbaImage {
  const out = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < out.length; i += 4) {
    out[i] = rgb[0];
    out[i + 1] = rgb[1];
    out[i + 2] = rgb[2];
    out[i + 3] = image.data[i + 3];
  }
  return { width: image.width, height: image.height, data: out };
}
