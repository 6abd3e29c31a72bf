import { describe, expect, it } from 'vitest';
import { groupRectangles, partition, similarRects } from '../../../src/model/eyes/group-rectangles';

const r = (x: number, y: number, w: number, h = w) => ({ x, y, width: w, height: h });

describe('similarRects / partition', () => {
  it('uses delta = eps · (min w + min h) / 2 on all four edges', () => {
    // delta = 0.2 · (20 + 20) / 2 = 4
    expect(similarRects(r(0, 0, 20), r(4, 4, 20), 0.2)).toBe(true);
    expect(similarRects(r(0, 0, 20), r(5, 0, 20), 0.2)).toBe(false);
  });

  it('groups transitively and numbers classes by first appearance', () => {
    expect(partition([r(100, 0, 20), r(0, 0, 20), r(4, 0, 20), r(8, 0, 20)], (a, b) => similarRects(a, b, 0.2))).toEqual([0, 1, 1, 1]);
  });
});

describe('groupRectangles', () => {
  it('averages each class with cvRound and keeps classes with more than groupThreshold members', () => {
    const out = groupRectangles([r(0, 0, 20), r(1, 1, 21), r(2, 1, 20), r(200, 200, 20)], 2, 0.2);
    // x (0+1+2)/3 = 1, y 2/3 → 1, w 61/3 = 20.33 → 20
    expect(out).toEqual([{ x: 1, y: 1, width: 20, height: 20, neighbors: 3 }]);
  });

  it('rounds averages half to even (float32 1/n like OpenCV)', () => {
    const out = groupRectangles([r(0, 0, 20), r(1, 0, 20), r(2, 0, 22), r(3, 0, 22)], 1, 0.2);
    // x 6/4 = 1.5 → 2, width 84/4 = 21
    expect(out).toEqual([{ x: 2, y: 0, width: 21, height: 21, neighbors: 4 }]);
  });

  it('drops a small class inside a bigger one that has more members than max(3, n)', () => {
    const big = Array.from({ length: 5 }, () => r(0, 0, 100));
    const small = [r(30, 30, 20), r(30, 30, 20)];
    expect(groupRectangles([...big, ...small], 1, 0.2)).toEqual([{ x: 0, y: 0, width: 100, height: 100, neighbors: 5 }]);
    // with only 3 big members and 3 small ones neither rule applies: both stay
    const out = groupRectangles([...big.slice(0, 3), ...small, r(30, 30, 20)], 1, 0.2);
    expect(out).toHaveLength(2);
  });

  it('returns the raw list when groupThreshold ≤ 0', () => {
    expect(groupRectangles([r(0, 0, 20), r(1, 1, 20)], 0, 0.2)).toEqual([{ ...r(0, 0, 20), neighbors: 1 }, { ...r(1, 1, 20), neighbors: 1 }]);
  });
});
