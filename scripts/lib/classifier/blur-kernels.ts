/**
 * Camera-blur point-spread functions for synthesising the `blur` class: defocus (a uniform disc),
 * motion (a line segment) and Gaussian. Each returns a square, odd-sized kernel summing to 1.
 */
export interface BlurKernel {
  size: number;
  /** size × size weights, row-major. */
  weights: Float32Array;
}

function normalise(size: number, weights: Float32Array): BlurKernel {
  const sum = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) weights[i] /= sum;
  return { size, weights };
}

export function gaussianKernel(sigma: number): BlurKernel {
  const half = Math.max(1, Math.ceil(3 * sigma));
  const size = 2 * half + 1;
  const w = new Float32Array(size * size);
  for (let y = -half; y <= half; y++) {
    for (let x = -half; x <= half; x++) w[(y + half) * size + x + half] = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
  }
  return normalise(size, w);
}

/** Defocus: a disc of the given radius, anti-aliased by 4×4 supersampling of each pixel's area. */
export function discKernel(radius: number): BlurKernel {
  const half = Math.max(1, Math.ceil(radius));
  const size = 2 * half + 1;
  const w = new Float32Array(size * size);
  const sub = 4;
  for (let y = -half; y <= half; y++) {
    for (let x = -half; x <= half; x++) {
      let inside = 0;
      for (let sy = 0; sy < sub; sy++) {
        for (let sx = 0; sx < sub; sx++) {
          const px = x - 0.5 + (sx + 0.5) / sub;
          const py = y - 0.5 + (sy + 0.5) / sub;
          if (px * px + py * py <= radius * radius) inside++;
        }
      }
      w[(y + half) * size + x + half] = inside;
    }
  }
  return normalise(size, w);
}

/** Linear motion of `length` pixels at `angle` radians, centred: samples along the segment, splatted bilinearly. */
export function motionKernel(length: number, angle: number): BlurKernel {
  const half = Math.max(1, Math.ceil(length / 2));
  const size = 2 * half + 1;
  const w = new Float32Array(size * size);
  const steps = Math.max(2, Math.ceil(length * 4));
  for (let i = 0; i <= steps; i++) {
    const t = (i / steps - 0.5) * length;
    const px = half + t * Math.cos(angle);
    const py = half + t * Math.sin(angle);
    const x0 = Math.floor(px);
    const y0 = Math.floor(py);
    const fx = px - x0;
    const fy = py - y0;
    const splat = (x: number, y: number, v: number) => {
      if (x >= 0 && y >= 0 && x < size && y < size) w[y * size + x] += v;
    };
    splat(x0, y0, (1 - fx) * (1 - fy));
    splat(x0 + 1, y0, fx * (1 - fy));
    splat(x0, y0 + 1, (1 - fx) * fy);
    splat(x0 + 1, y0 + 1, fx * fy);
  }
  return normalise(size, w);
}
