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

/** RGBA → gray exactly as OpenCV 4.x COLOR_RGBA2GRAY (alpha ignored). */
export function rgbaToGray(image: RgbaImage): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  const round = 1 << (GRAY_SHIFT - 1);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    out[i] = (data[p] * RY15 + data[p + 1] * GY15 + data[p + 2] * BY15 + round) >> GRAY_SHIFT;
  }
  return { width, height, data: out };
}
