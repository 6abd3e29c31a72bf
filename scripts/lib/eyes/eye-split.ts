/**
 * Train/test split of an eyes folder, by group so that related files land on the same side:
 * CEW crops of one source photo (`…jpg_face_1`, `…jpg_face_2`) share a group, and files with the same
 * md5 (exact duplicates) share one. A stable hash of the group key decides the side.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function splitGroupKey(relPath: string, md5: string | undefined): string {
  const name = relPath.split('/').pop()!;
  const cewPhoto = name.match(/^(cew__.+?\.jpg)_face_\d+\.jpg$/);
  if (cewPhoto) return cewPhoto[1];
  return md5 ?? name;
}

export function splitSide(groupKey: string, trainFraction: number): 'train' | 'test' {
  const h = createHash('sha1').update(groupKey).digest().readUInt32BE(0) / 2 ** 32;
  return h < trainFraction ? 'train' : 'test';
}

/** md5 per path relative to the datasets root (manifest.csv next to the dataset folders), if present. */
export function readManifestMd5(datasetsRoot: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const lines = readFileSync(join(datasetsRoot, 'manifest.csv'), 'utf8').split('\n').slice(1);
    for (const line of lines) {
      const path = line.split(',')[0];
      const md5 = line.trim().split(',').pop();
      if (path && md5) out.set(path, md5);
    }
  } catch {
    // no manifest: group by file name only
  }
  return out;
}
