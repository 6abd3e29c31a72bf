import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
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

describe('loadLandmarks cache validation', () => {
  let root: string;
  let dataset: string;
  let cacheDir: string;
  let face: Buffer;
  let noFace: Buffer;
  const path = 'good/astronaut.png';
  const image = () => join(dataset, path);
  const countComputed = async () => {
    let computed = 0;
    const landmarks = await loadLandmarks(dataset, { cacheDir, onProgress: () => computed++ });
    return { computed, faces: landmarks.get(path)! };
  };
  const readCacheFile = () => JSON.parse(readFileSync(landmarkCachePath(dataset, cacheDir), 'utf8'));
  /** Moves the file's mtime by `seconds`, as copying a dataset to another machine does; the bytes stay. */
  const shiftMtime = (seconds: number) => {
    const { atime, mtime } = statSync(image());
    utimesSync(image(), atime, new Date(mtime.getTime() + seconds * 1000));
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'landmark-cache-validation-'));
    dataset = join(root, 'data');
    cacheDir = join(root, 'cache');
    mkdirSync(join(dataset, 'good'), { recursive: true });
    // Uncompressed PNGs of equal dimensions have equal sizes, so only the content tells them apart.
    const uncompressed = (file: string) =>
      sharp(`${SKIMAGE}/${file}`).resize(512, 512, { fit: 'fill' }).removeAlpha().png({ compressionLevel: 0, adaptiveFiltering: false }).toBuffer();
    face = await uncompressed('astronaut.png');
    noFace = await uncompressed('coffee.png');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('keeps the landmarks of a file whose mtime changed but whose bytes did not', async () => {
    writeFileSync(image(), face);
    const first = await countComputed();
    expect(first.computed).toBe(1);
    expect(first.faces).toHaveLength(1);

    shiftMtime(3600);
    const afterTouch = await countComputed();
    expect(afterTouch.computed).toBe(0);
    expect(afterTouch.faces).toEqual(first.faces);
    // the new mtime is remembered, so the next run takes the fast path
    expect(readCacheFile().images[path].mtimeMs).toBe(statSync(image()).mtimeMs);
  });

  it('recomputes a file whose bytes changed even if its size did not', async () => {
    writeFileSync(image(), face);
    const before = await countComputed();
    expect(before.faces).toHaveLength(1);

    expect(noFace.byteLength).toBe(face.byteLength);
    writeFileSync(image(), noFace);
    shiftMtime(7200);
    const after = await countComputed();
    expect(after.computed).toBe(1);
    expect(after.faces).toEqual([]);
  });

  describe('an entry written before images were hashed', () => {
    const dropHashes = () => {
      const cache = readCacheFile();
      for (const entry of Object.values(cache.images) as { sha256?: string }[]) delete entry.sha256;
      writeFileSync(landmarkCachePath(dataset, cacheDir), JSON.stringify(cache));
    };

    it('gets its hash without recomputing while its size and mtime are unchanged', async () => {
      writeFileSync(image(), face);
      const first = await countComputed();
      dropHashes();

      const upgraded = await countComputed();
      expect(upgraded.computed).toBe(0);
      expect(upgraded.faces).toEqual(first.faces);
      expect(readCacheFile().images[path].sha256).toMatch(/^[0-9a-f]{64}$/);
      // with the hash in place, a later copy keeps the landmarks
      shiftMtime(3600);
      expect((await countComputed()).computed).toBe(0);
    });

    it('is recomputed once its mtime changed, since nothing records which bytes were landmarked', async () => {
      writeFileSync(image(), face);
      await countComputed();
      dropHashes();

      shiftMtime(3600);
      expect((await countComputed()).computed).toBe(1);
    });
  });
});
