import type { PixelRect } from './haar-types';
import { resizeLinearExact } from './resize-linear-exact';
import type { RgbaImage } from '../../image';
import { rgbaRegionToGray, type GrayImage } from './rgba-to-gray';

/** Integer square region of `side` pixels centred on (cx, cy); may extend past the image. */
export function eyeRegion(center: { x: number; y: number }, side: number): PixelRect {
  const s = Math.max(1, Math.round(side));
  return { x: Math.round(center.x - s / 2), y: Math.round(center.y - s / 2), width: s, height: s };
}

/**
 * The region cut out of the image as gray (OpenCV's conversion; borders replicated where it leaves
 * the image) and resampled to size×size with the same INTER_LINEAR_EXACT resize the cascade pyramid uses.
 */
export function extractRegion(image: RgbaImage, region: PixelRect, size: number): GrayImage {
  const cut = rgbaRegionToGray(image, region);
  return region.width === size && region.height === size ? cut : resizeLinearExact(cut, size, size);
}
