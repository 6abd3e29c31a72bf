import { describe, expect, it } from 'vitest';
import { applySimilarity, invertSimilarity, similarityFromPointPairs, similarityScaleAndAngle } from '../../../src/export/similarity-transform';

describe('similarityFromPointPairs', () => {
  it('maps both source points exactly onto the targets', () => {
    const from = [{ x: 60, y: 80 }, { x: 120, y: 50 }] as const;
    const to = [{ x: 200, y: 230 }, { x: 310, y: 230 }] as const;
    const t = similarityFromPointPairs(from, to);
    for (const i of [0, 1]) {
      const p = applySimilarity(t, from[i]);
      expect(p.x).toBeCloseTo(to[i].x, 9);
      expect(p.y).toBeCloseTo(to[i].y, 9);
    }
  });

  it('recovers a known rotation and scale', () => {
    const angle = 0.3;
    const s = 2.5;
    const t0 = { a: s * Math.cos(angle), b: s * Math.sin(angle), tx: 7, ty: -3 };
    const from = [{ x: 1, y: 2 }, { x: 10, y: -4 }] as const;
    const t = similarityFromPointPairs(from, [applySimilarity(t0, from[0]), applySimilarity(t0, from[1])]);
    const { scale, angle: a } = similarityScaleAndAngle(t);
    expect(scale).toBeCloseTo(s, 9);
    expect(a).toBeCloseTo(angle, 9);
    expect(t.tx).toBeCloseTo(7, 9);
    expect(t.ty).toBeCloseTo(-3, 9);
  });

  it('inverts: the inverse maps the targets back', () => {
    const t = similarityFromPointPairs([{ x: 3, y: 4 }, { x: 9, y: 1 }], [{ x: 100, y: 100 }, { x: 150, y: 100 }]);
    const back = applySimilarity(invertSimilarity(t), { x: 150, y: 100 });
    expect(back.x).toBeCloseTo(9, 9);
    expect(back.y).toBeCloseTo(1, 9);
  });

  it('refuses coincident source points', () => {
    expect(() => similarityFromPointPairs([{ x: 1, y: 1 }, { x: 1, y: 1 }], [{ x: 0, y: 0 }, { x: 1, y: 0 }])).toThrow(/coincide/);
  });
});
