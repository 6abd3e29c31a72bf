import { describe, expect, it } from 'vitest';
import { hammingDistance, perceptualHash, PHASH_SIZE } from '../../../scripts/lib/classifier/phash';
import { groupNearDuplicates, stratifiedGroupSplit } from '../../../scripts/lib/classifier/split';

function pattern(f: (x: number, y: number) => number): number[] {
  const out: number[] = [];
  for (let y = 0; y < PHASH_SIZE; y++) for (let x = 0; x < PHASH_SIZE; x++) out.push(f(x, y));
  return out;
}

describe('perceptualHash', () => {
  // a few flat regions, like a face against a background
  const base = pattern((x, y) => ((x - 16) ** 2 + (y - 14) ** 2 < 80 ? 200 : 60) + (y > 24 ? 40 : 0) + (x < 6 ? -30 : 0));
  it('is stable under brightness and contrast changes', () => {
    const brighter = base.map((v) => v * 0.8 + 30);
    expect(hammingDistance(perceptualHash(base), perceptualHash(brighter))).toBe(0);
  });
  it('changes little under small noise and a lot for a different picture', () => {
    let seed = 1;
    const noisy = base.map((v) => v + (((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5) * 6);
    const other = pattern((x, y) => (x * 7 + y * 3) % 32 < 16 ? 40 : 220);
    expect(hammingDistance(perceptualHash(base), perceptualHash(noisy))).toBeLessThanOrEqual(4);
    expect(hammingDistance(perceptualHash(base), perceptualHash(other))).toBeGreaterThan(16);
  });
  it('rejects the wrong input size', () => {
    expect(() => perceptualHash([1, 2, 3])).toThrow(/expects 1024/);
  });
});

describe('hammingDistance', () => {
  it('counts differing bits across both 32-bit halves', () => {
    expect(hammingDistance(0n, 0n)).toBe(0);
    expect(hammingDistance(0b1011n, 0n)).toBe(3);
    expect(hammingDistance(1n << 63n, 1n)).toBe(2);
    expect(hammingDistance(0xffffffffffffffffn, 0n)).toBe(64);
  });
});

describe('groupNearDuplicates', () => {
  it('joins chains of near-duplicates and keeps far items apart', () => {
    const hashes = [0b0000n, 0b0001n, 0b0011n, 0xff00n, 0xff01n, 0xffff0000n];
    const g = groupNearDuplicates(hashes, 1);
    expect(g[0]).toBe(g[1]);
    expect(g[1]).toBe(g[2]); // 0 ~ 1 ~ 3: transitive
    expect(g[3]).toBe(g[4]);
    expect(new Set([g[0], g[3], g[5]]).size).toBe(3);
  });
});

describe('stratifiedGroupSplit', () => {
  it('never splits a group and gives each stratum its share', () => {
    const strata: string[] = [];
    const groups: number[] = [];
    for (let i = 0; i < 400; i++) {
      strata.push(i < 200 ? 'good/a' : 'wrong/b');
      groups.push(i % 100 === 0 ? 9999 : i); // one group spanning both strata's first members
    }
    const s = stratifiedGroupSplit(strata, groups, { val: 0.1, test: 0.1 }, 3);
    const inGroup = s.filter((_, i) => groups[i] === 9999);
    expect(new Set(inGroup).size).toBe(1);
    for (const key of ['good/a', 'wrong/b']) {
      const mine = s.filter((_, i) => strata[i] === key);
      const share = (name: string) => mine.filter((x) => x === name).length / mine.length;
      expect(share('val')).toBeGreaterThan(0.07);
      expect(share('val')).toBeLessThan(0.13);
      expect(share('test')).toBeGreaterThan(0.07);
      expect(share('test')).toBeLessThan(0.13);
    }
  });
  it('is deterministic for a seed', () => {
    const strata = Array.from({ length: 50 }, (_, i) => (i % 2 ? 'x' : 'y'));
    const groups = strata.map((_, i) => i);
    expect(stratifiedGroupSplit(strata, groups, { val: 0.2, test: 0.2 }, 1)).toEqual(stratifiedGroupSplit(strata, groups, { val: 0.2, test: 0.2 }, 1));
  });
});
