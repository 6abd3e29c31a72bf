import type { PixelRect } from './haar-types';
import { resizeLinearExact } from './resize-linear-exact';
import type { GrayImage } from './rgba-to-gray';

/** Integer square region of `side` pixels centred on (cx, cy); may extend past the image. */
export function eyeRegion(center: { x: number; y: number }, side: number): PixelRect {
  const s = Math.max(1, Math.round(side));
  return { x: Math.round(center.x - s / 2), y: Math.round(center.y - s / 2), width: s, height: s };
}

/**
 * The region cut out of the gray image (borders replicated where it leaves the image) and resampled
 * to size×size with the same INTER_LINEAR_EXACT resize the cascade pyramid uses.
 */
export function extractRegion(gray: GrayImage, region: PixelRect, size: number): GrayImage {
  const data = new Uint8Array(region.width * region.height);
  for (let y = 0; y < region.height; y++) {
    const sy = Math.min(gray.height - 1, Math.max(0, region.y + y));
    for (let x = 0; x < region.width; x++) {
      const sx = Math.min(gray.width - 1, Math.max(0, region.x + x));
      data[y * region.width + x] = gray.data[sy * gray.width + sx];
    }
  }
  const cut = { width: region.width, height: region.height, data };
  return region.width === size && region.height === size ? cut : resizeLinearExact(cut, size, size);
}
