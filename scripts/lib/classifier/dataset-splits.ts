/**
 * The committed split lists (one path per line, relative to the dataset root): read them when they
 * exist, else compute them (pHash near-duplicate groups, stratified by class × source) and write them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { DatasetItem } from './dataset';
import { PHASH_SIZE, perceptualHash } from './phash';
import { groupNearDuplicates, stratifiedGroupSplit, type SplitName, type SplitFractions } from './split';

export const SPLIT_NAMES: readonly SplitName[] = ['train', 'val', 'test'];
/** 64-bit pHash distance at or below which two photos count as near-duplicates. */
export const NEAR_DUPLICATE_BITS = 8;
export const DEFAULT_SPLIT_FRACTIONS: SplitFractions = { val: 0.1, test: 0.1 };

export async function imagePerceptualHash(path: string): Promise<bigint> {
  const { data } = await sharp(path).greyscale().resize(PHASH_SIZE, PHASH_SIZE, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  return perceptualHash(data);
}

export interface SplitResult {
  splits: SplitName[];
  /** Items not in any list (new files since the lists were written): excluded, reported. */
  unlisted: string[];
  groups?: { count: number; largest: number; itemsInSharedGroups: number };
}

export async function loadOrCreateSplits(root: string, items: readonly DatasetItem[], splitsDir: string, seed = 11): Promise<SplitResult> {
  if (SPLIT_NAMES.every((s) => existsSync(join(splitsDir, `${s}.txt`)))) {
    const of = new Map<string, SplitName>();
    for (const s of SPLIT_NAMES) for (const line of readFileSync(join(splitsDir, `${s}.txt`), 'utf8').split('\n')) if (line) of.set(line, s);
    return { splits: items.map((it) => of.get(it.relPath) ?? ('' as SplitName)), unlisted: items.filter((it) => !of.has(it.relPath)).map((it) => it.relPath) };
  }
  const hashes: bigint[] = [];
  for (const it of items) hashes.push(await imagePerceptualHash(join(root, it.relPath)));
  const groups = groupNearDuplicates(hashes, NEAR_DUPLICATE_BITS);
  const splits = stratifiedGroupSplit(items.map((it) => `${it.label}/${it.source}`), groups, DEFAULT_SPLIT_FRACTIONS, seed);
  mkdirSync(splitsDir, { recursive: true });
  for (const s of SPLIT_NAMES) writeFileSync(join(splitsDir, `${s}.txt`), `${items.filter((_, i) => splits[i] === s).map((it) => it.relPath).join('\n')}\n`);
  const sizes = new Map<number, number>();
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const shared = [...sizes.values()].filter((n) => n > 1);
  return { splits, unlisted: [], groups: { count: sizes.size, largest: Math.max(...sizes.values()), itemsInSharedGroups: shared.reduce((a, b) => a + b, 0) } };
}
