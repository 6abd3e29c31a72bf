import type { RgbaImage } from '../../image';
import type { Box } from '../face/types';

/**
 * Mean luma (Rec. 601, 0–255) of the pixels inside `box`, clipped to the image.
 * Returns null when the box does not overlap the image.
 */
export function faceLuminance(image: RgbaImage, box: Box): number | null {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(image.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(image.height, Math.ceil(box.y + box.height));
  if (x1 <= x0 || y1 <= y0) return null;
  const { data, width } = image;
  let sum = 0;
  for (let y = y0; y < y1; y++) {
    for (let i = (y * width + x0) * 4, end = (y * width + x1) * 4; i < end; i += 4) {
      sum += 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
    }
  }
  return sum / ((x1 - x0) * (y1 - y0));
}
