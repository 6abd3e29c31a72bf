import type { RgbaImage } from '../../image';

/** A single-channel 8-bit image, row-major. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

// OpenCV 4.x cvtColor(…GRAY) for 8-bit input: fixed point with gray_shift = 15 (RY15/GY15/BY15).
const RY15 = 9798;
const GY15 = 19235;
const BY15 = 3735;
const GRAY_SHIFT = 15;

const ROUND = 1 << (GRAY_SHIFT - 1);

/** RGBA → gray exactly as OpenCV 4.x COLOR_RGBA2GRAY (alpha ignored). */
export function rgbaToGray(image: RgbaImage): GrayImage {
  return rgbaRegionToGray(image, { x: 0, y: 0, width: image.width, height: image.height });
}

/**
 * The gray of a rectangle of the image (same conversion), with the border pixels replicated where
 * the rectangle leaves the image, so that only the pixels a check needs are converted.
 */
export function rgbaRegionToGray(image: RgbaImage, region: { x: number; y: number; width: number; height: number }): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8Array(region.width * region.height);
  for (let y = 0; y < region.height; y++) {
    const sy = Math.min(height - 1, Math.max(0, region.y + y));
    for (let x = 0; x < region.width; x++) {
      const p = (sy * width + Math.min(width - 1, Math.max(0, region.x + x))) * 4;
      out[y * region.width + x] = (data[p] * RY15 + data[p + 1] * GY15 + data[p + 2] * BY15 + ROUND) >> GRAY_SHIFT;
    }
  }
  return { width: region.width, height: region.height, data: out };
}
