/**
 * Separable Gaussian smoothing of an interleaved multi-channel float image over rows and columns only,
 * as scipy.ndimage.gaussian_filter(image, [sigma, sigma, 0], mode='reflect', truncate=4) does (the
 * smoothing skimage's quickshift applies when sigma > 0). Returns a new array; sigma 0 returns a copy.
 */
export function gaussianSmooth(values: Float64Array, width: number, height: number, channels: number, sigma: number): Float64Array {
  if (sigma <= 0) return values.slice();
  const radius = Math.floor(4 * sigma + 0.5);
  const kernel = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) sum += kernel[i + radius] = Math.exp((-0.5 * i * i) / (sigma * sigma));
  for (let i = 0; i < kernel.length; i++) kernel[i] /= sum;
  const rows = convolveAxis(values, width, height, channels, kernel, 0);
  return convolveAxis(rows, width, height, channels, kernel, 1);
}

/** scipy 'reflect' (half-sample symmetric: d c b a | a b c d), repeated for offsets past the edge. */
function reflect(i: number, n: number): number {
  const period = 2 * n;
  let j = ((i % period) + period) % period;
  if (j >= n) j = period - 1 - j;
  return j;
}

function convolveAxis(src: Float64Array, width: number, height: number, channels: number, kernel: Float64Array, axis: 0 | 1): Float64Array {
  const out = new Float64Array(src.length);
  const radius = (kernel.length - 1) / 2;
  const along = axis === 0 ? height : width;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const pos = axis === 0 ? y : x;
      for (let ch = 0; ch < channels; ch++) {
        let acc = 0;
        for (let k = -radius; k <= radius; k++) {
          const j = reflect(pos + k, along);
          const idx = axis === 0 ? j * width + x : y * width + j;
          acc += kernel[k + radius] * src[idx * channels + ch];
        }
        out[(y * width + x) * channels + ch] = acc;
      }
    }
  }
  return out;
}
