/**
 * Train / validation / test split that keeps near-duplicates together (perceptual-hash groups) and
 * stratifies by class and source, so every class × source cell is spread over the three splits.
 */
import { hammingDistance } from './phash';
import { createSeededRandom, shuffleInPlace } from '../../../src/random';

export type SplitName = 'train' | 'val' | 'test';

/** Union-find over all pairs closer than or equal to `maxDistance` bits: returns a group id per item. */
export function groupNearDuplicates(hashes: readonly bigint[], maxDistance: number): number[] {
  const parent = hashes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < hashes.length; i++) {
    for (let j = i + 1; j < hashes.length; j++) {
      if (hammingDistance(hashes[i], hashes[j]) <= maxDistance) parent[find(j)] = find(i);
    }
  }
  return hashes.map((_, i) => find(i));
}

export interface SplitFractions {
  val: number;
  test: number;
}

/**
 * Assigns whole groups to splits. Groups are stratified by the (stratum) key of their first
 * member; within a stratum, shuffled groups are dealt so that each split's share of items tracks
 * its fraction (largest deficit first).
 */
export function stratifiedGroupSplit(strata: readonly string[], groups: readonly number[], fractions: SplitFractions, seed: number): SplitName[] {
  const random = createSeededRandom(seed).next;
  const members = new Map<number, number[]>();
  groups.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));
  const byStratum = new Map<string, number[][]>();
  for (const m of members.values()) {
    const key = strata[m[0]];
    byStratum.set(key, [...(byStratum.get(key) ?? []), m]);
  }
  const result: SplitName[] = new Array(strata.length).fill('train');
  const target: Record<SplitName, number> = { train: 1 - fractions.val - fractions.test, val: fractions.val, test: fractions.test };
  for (const key of [...byStratum.keys()].sort()) {
    const list = byStratum.get(key)!;
    shuffleInPlace(list, random);
    const count: Record<SplitName, number> = { train: 0, val: 0, test: 0 };
    let total = 0;
    for (const m of list) {
      total += m.length;
      // the split furthest below its share after adding this group
      const pick = (['val', 'test', 'train'] as SplitName[]).reduce((best, s) =>
        target[s] * total - count[s] > target[best] * total - count[best] ? s : best,
      );
      count[pick] += m.length;
      for (const i of m) result[i] = pick;
    }
  }
  return result;
}
