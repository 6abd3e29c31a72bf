import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../src/image';
import { quickshift } from '../../../src/xai/segment/quickshift';
import { rgbToLab } from '../../../src/xai/segment/rgb-to-lab';

// Reference values from skimage 0.19 itself: see fixtures/make_reference.py.
const ref = JSON.parse(readFileSync(new URL('./fixtures/quickshift-reference.json', import.meta.url), 'utf8')) as {
  width: number;
  height: number;
  rgb: number[];
  cases: { options: { kernel_size: number; max_dist: number; ratio: number; sigma: number; random_seed: number }; noise: number[]; labels: number[]; count: number }[];
  lab: { x: number; y: number; lab: number[] }[];
};

function rgbToRgba(rgb: number[], width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data.set(rgb.slice(i * 3, i * 3 + 3), i * 4);
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}

const refImage = rgbToRgba(ref.rgb, ref.width, ref.height);

describe('rgbToLab', () => {
  it('matches skimage.color.rgb2lab', () => {
    const lab = rgbToLab(refImage);
    for (const p of ref.lab) {
      const i = (p.y * ref.width + p.x) * 3;
      for (let ch = 0; ch < 3; ch++) expect(lab[i + ch]).toBeCloseTo(p.lab[ch], 10);
    }
  });
});

describe('quickshift', () => {
  it.each(ref.cases.map((c) => [JSON.stringify(c.options), c] as const))('reproduces skimage label for label (%s)', (_name, c) => {
    const seg = quickshift(refImage, {
      kernelSize: c.options.kernel_size,
      maxDist: c.options.max_dist,
      ratio: c.options.ratio,
      sigma: c.options.sigma,
      tieBreakNoise: Float64Array.from(c.noise),
    });
    expect(seg.count).toBe(c.count);
    expect(Array.from(seg.labels)).toEqual(c.labels);
  });

  it('with its own seeded noise gives the same segments on a natural image (only ties could differ)', () => {
    const c = ref.cases[1];
    const seg = quickshift(refImage, { kernelSize: c.options.kernel_size, maxDist: c.options.max_dist, ratio: c.options.ratio, sigma: c.options.sigma, seed: 1 });
    expect(seg.count).toBe(c.count);
    expect(Array.from(seg.labels)).toEqual(c.labels);
  });

  it('is deterministic for a seed', () => {
    const a = quickshift(refImage, { kernelSize: 2, maxDist: 6, seed: 5 });
    const b = quickshift(refImage, { kernelSize: 2, maxDist: 6, seed: 5 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
  });

  it('returns the flat regions of a synthetic image', () => {
    // four flat quadrants of very different colours: links across a border are longer than maxDist
    const width = 32;
    const height = 32;
    const colours = [[230, 30, 30], [30, 200, 40], [20, 40, 220], [240, 240, 240]];
    const data = new Uint8ClampedArray(width * height * 4);
    const quadrant = (x: number, y: number) => (y < 16 ? 0 : 2) + (x < 16 ? 0 : 1);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([...colours[quadrant(x, y)], 255], (y * width + x) * 4);
    const seg = quickshift({ width, height, data }, { kernelSize: 2, maxDist: 5, ratio: 0.5 });
    // every quadrant lies inside one segment, and no segment spans two quadrants
    const segmentOfQuadrant = new Map<number, Set<number>>();
    const quadrantOfSegment = new Map<number, Set<number>>();
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const s = seg.labels[y * width + x];
        const q = quadrant(x, y);
        segmentOfQuadrant.set(q, (segmentOfQuadrant.get(q) ?? new Set()).add(s));
        quadrantOfSegment.set(s, (quadrantOfSegment.get(s) ?? new Set()).add(q));
      }
    }
    for (const segments of quadrantOfSegment.values()) expect(segments.size).toBe(1);
    expect(seg.count).toBeGreaterThanOrEqual(4);
    // flat regions are not shattered: each quadrant is one segment
    for (const segments of segmentOfQuadrant.values()) expect(segments.size).toBe(1);
  });
});
