import { describe, expect, it } from 'vitest';
import { slic } from '../../../scripts/lib/xai/slic';

function quadrants(size: number) {
  const colours = [[230, 30, 30], [30, 200, 40], [20, 40, 220], [240, 240, 240]];
  const data = new Uint8ClampedArray(size * size * 4);
  const half = size / 2;
  const quadrant = (x: number, y: number) => (y < half ? 0 : 2) + (x < half ? 0 : 1);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) data.set([...colours[quadrant(x, y)], 255], (y * size + x) * 4);
  return { image: { width: size, height: size, data }, quadrant };
}

describe('slic', () => {
  it('never crosses a strong colour edge, labels are 0..count-1 and connected pieces', () => {
    const { image, quadrant } = quadrants(48);
    const seg = slic(image, { numSegments: 16 });
    const quadrantOf = new Map<number, number>();
    for (let y = 0; y < 48; y++) {
      for (let x = 0; x < 48; x++) {
        const l = seg.labels[y * 48 + x];
        expect(l).toBeGreaterThanOrEqual(0);
        expect(l).toBeLessThan(seg.count);
        const q = quadrantOf.get(l);
        if (q === undefined) quadrantOf.set(l, quadrant(x, y));
        else expect(q).toBe(quadrant(x, y));
      }
    }
    expect(quadrantOf.size).toBe(seg.count);
    expect(seg.count).toBeGreaterThanOrEqual(4);
    expect(seg.count).toBeLessThanOrEqual(32);
  });

  it('gives about numSegments regular superpixels on a smooth image, deterministically', () => {
    const size = 64;
    const data = new Uint8ClampedArray(size * size * 4);
    for (let i = 0; i < size * size; i++) data.set([(i % size) * 4, Math.floor(i / size) * 4, 128, 255], i * 4);
    const a = slic({ width: size, height: size, data }, { numSegments: 16 });
    const b = slic({ width: size, height: size, data }, { numSegments: 16 });
    expect(a.count).toBeGreaterThanOrEqual(10);
    expect(a.count).toBeLessThanOrEqual(24);
    expect(a.labels).toEqual(b.labels);
  });
});
