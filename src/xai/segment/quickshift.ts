import type { RgbaImage } from '../../image';
import { createSeededRandom } from '../../random';
import type { Segmentation } from '../types';
import { gaussianSmooth } from './gaussian-smooth';
import { rgbToLab } from './rgb-to-lab';

export interface QuickshiftOptions {
  /** Weight of colour against position (skimage `ratio`). */
  ratio: number;
  /** Width of the Gaussian density kernel; the search window is ceil(3·kernelSize) pixels each way. */
  kernelSize: number;
  /** Links longer than this (in the scaled Lab-xy space) are cut: each cut starts a segment. */
  maxDist: number;
  /** Gaussian pre-smoothing of the Lab image; 0 = none. */
  sigma: number;
  /** Convert RGB to Lab first (skimage `convert2lab`); false clusters the raw 0..1 RGB values. */
  convertToLab: boolean;
  /** Seeds the 1e-5-scale noise that breaks density ties. */
  seed: number;
  /**
   * Tie-breaking noise to use instead of the seeded one (length width·height). Only for reproducing
   * another implementation's run exactly, e.g. skimage's numpy noise in the reference tests.
   */
  tieBreakNoise?: Float64Array;
}

/** lime's segmentation defaults (lime_image.explain_instance), which the paper used. */
export const DEFAULT_QUICKSHIFT_OPTIONS: QuickshiftOptions = {
  ratio: 0.2,
  kernelSize: 4,
  maxDist: 200,
  sigma: 0,
  convertToLab: true,
  seed: 42,
};

/**
 * Quickshift superpixels (Vedaldi & Soatto 2008), the same algorithm and arithmetic as skimage 0.19's
 * `_quickshift_cython`: Parzen density of every pixel over a (2·ceil(3k)+1)² window in the
 * (ratio·Lab, x, y) space, a link from every pixel to the nearest denser pixel in its window (ties to
 * the first in row-major order, as skimage's scan finds it), links longer than maxDist cut, segments
 * = trees, numbered by their root's row-major position (as np.unique(..., return_inverse) numbers them).
 *
 * Speed: each unordered pixel pair in a window is visited once per pass (the kernel and the distance
 * are symmetric), over flat typed arrays with no allocation in the loops. The density sums therefore
 * run in a different order than skimage's (differences ~1e-16, far below the 1e-5 tie-breaking noise).
 */
export function quickshift(image: RgbaImage, options: Partial<QuickshiftOptions> = {}): Segmentation {
  const o = { ...DEFAULT_QUICKSHIFT_OPTIONS, ...options };
  if (o.kernelSize < 1) throw new Error('quickshift: kernelSize must be >= 1');
  const { width, height } = image;
  const n = width * height;
  const features = scaledFeatures(image, o);

  const density = new Float64Array(n);
  if (o.tieBreakNoise) {
    if (o.tieBreakNoise.length !== n) throw new Error('quickshift: tieBreakNoise must have one value per pixel');
    density.set(o.tieBreakNoise);
  } else {
    const random = createSeededRandom(o.seed);
    for (let i = 0; i < n; i++) density[i] = 0.00001 * random.normal();
  }

  const reach = Math.ceil(3 * o.kernelSize);
  const negHalfInvK2 = -0.5 / (o.kernelSize * o.kernelSize);
  const f0 = new Float64Array(n);
  const f1 = new Float64Array(n);
  const f2 = new Float64Array(n);
  for (let i = 0; i < n; i++) (f0[i] = features[i * 3], f1[i] = features[i * 3 + 1], f2[i] = features[i * 3 + 2]);

  // pass 1: densities. Pairs (p, q) with q after p in the "forward" half-window: the rest of p's
  // row, then full rows below. A pixel's own term is exp(0) = 1.
  for (let r = 0; r < height; r++) {
    const rEnd = Math.min(r + reach, height - 1);
    for (let c = 0; c < width; c++) {
      const p = r * width + c;
      const a0 = f0[p], a1 = f1[p], a2 = f2[p];
      const cLo = Math.max(c - reach, 0);
      const cHi = Math.min(c + reach, width - 1);
      let own = 1;
      for (let r2 = r; r2 <= rEnd; r2++) {
        const dr = r2 - r;
        const rowBase = r2 * width;
        for (let c2 = r2 === r ? c + 1 : cLo; c2 <= cHi; c2++) {
          const q = rowBase + c2;
          let t = a0 - f0[q];
          let dist = t * t;
          t = a1 - f1[q];
          dist += t * t;
          t = a2 - f2[q];
          dist += t * t;
          dist += dr * dr;
          t = c2 - c;
          dist += t * t;
          const e = Math.exp(dist * negHalfInvK2);
          own += e;
          density[q] += e;
        }
      }
      density[p] += own;
    }
  }

  // pass 2: nearest denser neighbour; of each pair only the lower-density pixel may link
  const parent = new Int32Array(n);
  const closest = new Float64Array(n).fill(Infinity);
  for (let i = 0; i < n; i++) parent[i] = i;
  for (let r = 0; r < height; r++) {
    const rEnd = Math.min(r + reach, height - 1);
    for (let c = 0; c < width; c++) {
      const p = r * width + c;
      const a0 = f0[p], a1 = f1[p], a2 = f2[p];
      const dp = density[p];
      const cLo = Math.max(c - reach, 0);
      const cHi = Math.min(c + reach, width - 1);
      for (let r2 = r; r2 <= rEnd; r2++) {
        const dr = r2 - r;
        const rowBase = r2 * width;
        for (let c2 = r2 === r ? c + 1 : cLo; c2 <= cHi; c2++) {
          const q = rowBase + c2;
          const dq = density[q];
          if (dq === dp) continue;
          let t = a0 - f0[q];
          let dist = t * t;
          t = a1 - f1[q];
          dist += t * t;
          t = a2 - f2[q];
          dist += t * t;
          dist += dr * dr;
          t = c2 - c;
          dist += t * t;
          if (dq > dp) {
            // q comes after p in row-major order: on an equal distance the earlier candidate wins
            if (dist < closest[p] || (dist === closest[p] && q < parent[p])) (closest[p] = dist, parent[p] = q);
          } else if (dist < closest[q] || (dist === closest[q] && p < parent[q])) {
            closest[q] = dist;
            parent[q] = p;
          }
        }
      }
    }
  }

  for (let i = 0; i < n; i++) if (Math.sqrt(closest[i]) > o.maxDist) parent[i] = i;
  return treesToLabels(parent, width, height);
}

function scaledFeatures(image: RgbaImage, o: QuickshiftOptions): Float64Array {
  const { width, height } = image;
  let values: Float64Array;
  if (o.convertToLab) values = rgbToLab(image);
  else {
    values = new Float64Array(width * height * 3);
    for (let i = 0; i < width * height; i++) for (let ch = 0; ch < 3; ch++) values[i * 3 + ch] = image.data[i * 4 + ch] / 255;
  }
  const smoothed = o.sigma > 0 ? gaussianSmooth(values, width, height, 3, o.sigma) : values;
  for (let i = 0; i < smoothed.length; i++) smoothed[i] *= o.ratio;
  return smoothed;
}

/** Every pixel labelled by the root of its tree; roots numbered in row-major order. */
function treesToLabels(parent: Int32Array, width: number, height: number): Segmentation {
  const n = parent.length;
  const root = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let j = i;
    while (parent[j] !== j) j = parent[j];
    root[i] = j;
    // path compression: later walks through i stop early
    let k = i;
    while (parent[k] !== j) {
      const next = parent[k];
      parent[k] = j;
      k = next;
    }
  }
  const labelOfRoot = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) if (root[i] === i) labelOfRoot[i] = count++;
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = labelOfRoot[root[i]];
  return { width, height, labels, count };
}
