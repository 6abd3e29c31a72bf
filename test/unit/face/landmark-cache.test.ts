import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedTimings, landmarkCachePath, listImages, loadLandmarks } from '../../../scripts/lib/landmark-cache';

const SKIMAGE = '/usr/lib/python3/dist-packages/skimage/data';

describe('loadLandmarks', () => {
  let root: string;
  let dataset: string;
  let cacheDir: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'landmark-cache-'));
    dataset = join(root, 'data');
    cacheDir = join(root, 'cache');
    mkdirSync(join(dataset, 'good', 'nested'), { recursive: true });
    mkdirSync(join(dataset, 'wrong'), { recursive: true });
    copyFileSync(`${SKIMAGE}/astronaut.png`, join(dataset, 'good', 'nested', 'astronaut.png'));
    copyFileSync(`${SKIMAGE}/coffee.png`, join(dataset, 'wrong', 'coffee.png'));
    writeFileSync(join(dataset, 'wrong', 'notes.txt'), 'not an image');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists images recursively with forward-slash relative paths', () => {
    expect(listImages(dataset)).toEqual(['good/nested/astronaut.png', 'wrong/coffee.png']);
  });

  it('names the cache file after the folder path', () => {
    expect(landmarkCachePath('/work/shared/datasets/eyes', '/c')).toBe('/c/work_shared_datasets_eyes.json');
  });

  it('computes faces per image once, then serves them from the cache', async () => {
    let computed = 0;
    const first = await loadLandmarks(dataset, { cacheDir, onProgress: () => computed++ });
    expect(computed).toBe(2);
    expect([...first.keys()]).toEqual(['good/nested/astronaut.png', 'wrong/coffee.png']);
    expect(first.get('good/nested/astronaut.png')).toHaveLength(1);
    expect(first.get('wrong/coffee.png')).toEqual([]);
    const face = first.get('good/nested/astronaut.png')![0];
    expect(face.mesh).toHaveLength(468);
    expect(face.box.x).toBeGreaterThan(100); // original pixel coordinates of the 512×512 image
    expect(existsSync(landmarkCachePath(dataset, cacheDir))).toBe(true);
    expect(cachedTimings(dataset, cacheDir).get('wrong/coffee.png')).toBeGreaterThan(0);

    let recomputed = 0;
    const second = await loadLandmarks(dataset, { cacheDir, onProgress: () => recomputed++ });
    expect(recomputed).toBe(0);
    expect(second.get('good/nested/astronaut.png')).toEqual(first.get('good/nested/astronaut.png'));
    // thresholds apply when reading
    expect((await loadLandmarks(dataset, { cacheDir, minDetectionScore: 0.999 })).get('good/nested/astronaut.png')).toEqual([]);
  });
});
