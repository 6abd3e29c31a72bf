import type { RgbaImage } from '../../../src/image';
import type { Segmentation } from '../../../src/xai/types';
import { gaussianSmooth } from '../../../src/xai/segment/gaussian-smooth';
import { rgbToLab } from '../../../src/xai/segment/rgb-to-lab';

export interface SlicOptions {
  /** Approximate number of superpixels (initial grid cells). */
  numSegments: number;
  /** Weight of position against Lab colour: higher = squarer superpixels. */
  compactness: number;
  iterations: number;
  /** Gaussian pre-smoothing of the Lab image; 0 = none. */
  sigma: number;
  /** Connected pieces smaller than this fraction of the mean superpixel area are merged into a neighbour. */
  minSizeFactor: number;
}

/** skimage.segmentation.slic's defaults (n_segments 100, compactness 10, 10 iterations, min_size_factor 0.5). */
export const DEFAULT_SLIC_OPTIONS: SlicOptions = { numSegments: 100, compactness: 10, iterations: 10, sigma: 0, minSizeFactor: 0.5 };

/**
 * SLIC superpixels (Achanta et al. 2012) in Lab + xy: k-means from a regular grid, each centre
 * searching a 2S×2S window, distance d_lab² + (d_xy·compactness / S)², then connectivity enforced.
 * An alternative to quickshift (faster, more regular, fewer hyper-parameters); choose it explicitly
 * with createLime(model, options, { segment: (image) => slic(image) }). It follows the published
 * algorithm, not skimage's code line by line, so its labels are not skimage's.
 */
export function slic(image: RgbaImage, options: Partial<SlicOptions> = {}): Segmentation {
  const o = { ...DEFAULT_SLIC_OPTIONS, ...options };
  const { width, height } = image;
  const n = width * height;
  const lab = o.sigma > 0 ? gaussianSmooth(rgbToLab(image), width, height, 3, o.sigma) : rgbToLab(image);
  const step = Math.max(1, Math.round(Math.sqrt(n / o.numSegments)));
  const centres: number[] = []; // [L, a, b, y, x] per centre
  for (let y = Math.floor(step / 2); y < height; y += step) {
    for (let x = Math.floor(step / 2); x < width; x += step) {
      const i = y * width + x;
      centres.push(lab[i * 3], lab[i * 3 + 1], lab[i * 3 + 2], y, x);
    }
  }
  const k = centres.length / 5;
  const c = Float64Array.from(centres);
  const labels = new Int32Array(n).fill(-1);
  const best = new Float64Array(n);
  const spatial = (o.compactness / step) ** 2;
  const sums = new Float64Array(k * 5);
  const counts = new Float64Array(k);
  for (let iter = 0; iter < o.iterations; iter++) {
    best.fill(Infinity);
    for (let j = 0; j < k; j++) {
      const cy = c[j * 5 + 3];
      const cx = c[j * 5 + 4];
      const y0 = Math.max(0, Math.floor(cy - step));
      const y1 = Math.min(height - 1, Math.ceil(cy + step));
      const x0 = Math.max(0, Math.floor(cx - step));
      const x1 = Math.min(width - 1, Math.ceil(cx + step));
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          const i = y * width + x;
          const dl = lab[i * 3] - c[j * 5];
          const da = lab[i * 3 + 1] - c[j * 5 + 1];
          const db = lab[i * 3 + 2] - c[j * 5 + 2];
          const d = dl * dl + da * da + db * db + spatial * ((y - cy) ** 2 + (x - cx) ** 2);
          if (d < best[i]) (best[i] = d, labels[i] = j);
        }
      }
    }
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const j = labels[i];
      if (j < 0) continue;
      sums[j * 5] += lab[i * 3];
      sums[j * 5 + 1] += lab[i * 3 + 1];
      sums[j * 5 + 2] += lab[i * 3 + 2];
      sums[j * 5 + 3] += Math.floor(i / width);
      sums[j * 5 + 4] += i % width;
      counts[j]++;
    }
    for (let j = 0; j < k; j++) if (counts[j] > 0) for (let f = 0; f < 5; f++) c[j * 5 + f] = sums[j * 5 + f] / counts[j];
  }
  return enforceConnectivity(labels, width, height, Math.floor((o.minSizeFactor * n) / k));
}

/**
 * Splits every label into 4-connected pieces; pieces smaller than minSize join the piece found just
 * before them in row-major order (their left or upper neighbour). Labels are renumbered 0..count-1.
 */
function enforceConnectivity(labels: Int32Array, width: number, height: number, minSize: number): Segmentation {
  const n = width * height;
  const out = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  for (let start = 0; start < n; start++) {
    if (out[start] >= 0) continue;
    // the neighbouring label to adopt if this piece is too small
    const sx = start % width;
    const adjacent = sx > 0 ? out[start - 1] : start >= width ? out[start - width] : -1;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    out[start] = count;
    while (head < tail) {
      const i = queue[head++];
      const x = i % width;
      const y = (i - x) / width;
      for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, y > 0 ? i - width : -1, y < height - 1 ? i + width : -1]) {
        if (j >= 0 && out[j] < 0 && labels[j] === labels[start]) (out[j] = count, (queue[tail++] = j));
      }
    }
    if (tail < minSize && adjacent >= 0) for (let q = 0; q < tail; q++) out[queue[q]] = adjacent;
    else count++;
  }
  return { width, height, labels: out, count };
}
