/**
 * An RGBA image in row-major order, 4 bytes per pixel. The browser's ImageData satisfies it
 * structurally, and Node scripts build it from decoded files, so every pure module takes this.
 */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/**
 * Bilinear sample of an RGBA image's first `channels` channels at (x, y) in pixel-index space
 * (pixel (i, j)'s centre at (i, j)), clamped to the edge pixels so the border is not darkened.
 * Writes into `out`; allocation-free, for per-pixel loops.
 */
export function sampleBilinear(image: RgbaImage, x: number, y: number, channels: number, out: number[]): void {
  const { data, width, height } = image;
  const cx = Math.min(Math.max(x, 0), width - 1);
  const cy = Math.min(Math.max(y, 0), height - 1);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = cx - x0;
  const fy = cy - y0;
  const i00 = (y0 * width + x0) * 4;
  const i10 = (y0 * width + x1) * 4;
  const i01 = (y1 * width + x0) * 4;
  const i11 = (y1 * width + x1) * 4;
  for (let c = 0; c < channels; c++) {
    const top = data[i00 + c] + (data[i10 + c] - data[i00 + c]) * fx;
    const bottom = data[i01 + c] + (data[i11 + c] - data[i01 + c]) * fx;
    out[c] = top + (bottom - top) * fy;
  }
}
