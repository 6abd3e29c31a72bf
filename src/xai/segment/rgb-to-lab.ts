import type { RgbaImage } from '../../image';

/** sRGB → XYZ (skimage's xyz_from_rgb). */
const XYZ_FROM_RGB = [0.412453, 0.35758, 0.180423, 0.212671, 0.71516, 0.072169, 0.019334, 0.119193, 0.950227];
/** D65, 2° observer white point, as skimage uses for rgb2lab. */
const WHITE = [0.95047, 1, 1.08883];

function linearise(v: number): number {
  return v > 0.04045 ? Math.pow((v + 0.055) / 1.055, 2.4) : v / 12.92;
}

function labCompand(t: number): number {
  return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116;
}

/**
 * CIE Lab of every pixel, interleaved [L, a, b] in float64, with the same constants and steps as
 * skimage.color.rgb2lab (bytes / 255, sRGB linearisation, D65/2° white), so quickshift sees what it
 * sees under lime. Alpha is ignored.
 */
export function rgbToLab(image: RgbaImage): Float64Array {
  const n = image.width * image.height;
  const lab = new Float64Array(n * 3);
  const lut = new Float64Array(256);
  for (let v = 0; v < 256; v++) lut[v] = linearise(v / 255);
  const d = image.data;
  const m = XYZ_FROM_RGB;
  for (let i = 0; i < n; i++) {
    const r = lut[d[i * 4]];
    const g = lut[d[i * 4 + 1]];
    const b = lut[d[i * 4 + 2]];
    const fx = labCompand((r * m[0] + g * m[1] + b * m[2]) / WHITE[0]);
    const fy = labCompand((r * m[3] + g * m[4] + b * m[5]) / WHITE[1]);
    const fz = labCompand((r * m[6] + g * m[7] + b * m[8]) / WHITE[2]);
    lab[i * 3] = 116 * fy - 16;
    lab[i * 3 + 1] = 500 * (fx - fy);
    lab[i * 3 + 2] = 200 * (fy - fz);
  }
  return lab;
}
