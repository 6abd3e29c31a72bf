import type { ScalarMap } from '../types';

/**
 * Bilinear resize of a scalar map with pixel-centre alignment and clamped edges (OpenCV's
 * INTER_LINEAR, which pytorch-grad-cam uses to upsample the CAM to the image).
 */
export function resizeMap(map: ScalarMap, width: number, height: number): ScalarMap {
  const { width: w, height: h, values } = map;
  const out = new Float32Array(width * height);
  const sx = w / width;
  const sy = h / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), h - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, h - 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), w - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, w - 1);
      const tx = fx - x0;
      const top = values[y0 * w + x0] * (1 - tx) + values[y0 * w + x1] * tx;
      const bottom = values[y1 * w + x0] * (1 - tx) + values[y1 * w + x1] * tx;
      out[y * width + x] = top * (1 - ty) + bottom * ty;
    }
  }
  return { width, height, values: out };
}
