/**
 * Face landmarks for every image of a dataset folder, computed once (WASM backend, CPU fallback) and
 * cached in .cache/landmarks/<dir slug>.json, so the eye, classifier and evaluation scripts all read
 * the same detections without re-running the models.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { createFaceLandmarker, DEFAULT_FACE_LANDMARKER_CONFIG, type FaceLandmarks } from '../../src/model/face';
import { DETECTOR_CONFIG, IRIS_ROI_CONFIG, MESH_ROI_CONFIG } from '../../src/model/face/constants';
import { sha256 } from '../assets/verify';
import { fileModelHandler, readRgbaImage } from './node-io';
import { useNodeBackend } from './tf-node-backend';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODEL_DIR = join(REPO_ROOT, 'public/models/vendor/human');
const IMAGE_EXTENSIONS = /\.(jpe?g|png|webp)$/i;

/**
 * The cache keeps faces down to these scores so that callers can choose their own thresholds when
 * reading. A cache whose `version` or pipeline constants differ from the current ones is recomputed;
 * bump `version` for changes the constants do not show (code changes).
 */
export const LANDMARK_CACHE_CONFIG = {
  version: 1,
  maxFaces: 5,
  minDetectionScore: 0.3,
  minPresenceScore: 0.3,
  /** Coordinates are stored with this many decimals. */
  decimals: 2,
  /** The cache file is rewritten after this many new images, so an interrupted run resumes. */
  saveEvery: 200,
} as const;

export interface LoadLandmarksOptions {
  /** Faces below these scores are left out of the result (not of the cache). Defaults: the landmarker's, 0.5 and 0.5. */
  minDetectionScore?: number;
  minPresenceScore?: number;
  /** Where cache files live. Default <repo>/.cache/landmarks. */
  cacheDir?: string;
  /** Recompute every image even if cached. */
  refresh?: boolean;
  /** Called after each newly computed image. */
  onProgress?: (progress: { done: number; total: number; path: string; ms: number }) => void;
}

interface CacheEntry {
  /** File size and sha256 of the landmarked bytes: the image's identity, so a copied dataset keeps its cache. */
  bytes: number;
  /** Absent in caches written before images were hashed. */
  sha256?: string;
  /** mtime when the bytes were last hashed: while it and the size are unchanged, the file is not hashed again. */
  mtimeMs: number;
  /** Landmarking time of this image in ms (detector + mesh + iris, excluding decode). */
  ms: number;
  faces: FaceLandmarks[];
}

/** The pipeline settings the cached faces depend on; a cache made with other settings is recomputed. */
const PIPELINE_FINGERPRINT = JSON.stringify({ cache: LANDMARK_CACHE_CONFIG, DETECTOR_CONFIG, MESH_ROI_CONFIG, IRIS_ROI_CONFIG });

interface CacheFile {
  version: number;
  pipeline: string;
  datasetDir: string;
  backend: string;
  images: Record<string, CacheEntry>;
}

/** The cache file of a dataset folder: its absolute path turned into a file name. */
export function landmarkCachePath(datasetDir: string, cacheDir = join(REPO_ROOT, '.cache/landmarks')): string {
  const slug = resolve(datasetDir).replace(/^[/\\]+/, '').replace(/[^A-Za-z0-9._-]+/g, '_');
  return join(cacheDir, `${slug}.json`);
}

/** Image paths under `dir`, relative, with forward slashes, sorted. */
export function listImages(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (IMAGE_EXTENSIONS.test(entry.name)) found.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/**
 * Faces per image of `datasetDir` (recursively; jpg/jpeg/png/webp), keyed by the path relative to it
 * with forward slashes, in original pixel coordinates. Images not in the cache (or changed) are
 * landmarked now and the cache is updated.
 */
export async function loadLandmarks(datasetDir: string, options: LoadLandmarksOptions = {}): Promise<Map<string, FaceLandmarks[]>> {
  const root = resolve(datasetDir);
  const cachePath = landmarkCachePath(root, options.cacheDir);
  const cache = readCache(cachePath, root, options.refresh ?? false);
  const images = listImages(root);
  const stale: string[] = [];
  let rehashed = false;
  for (const path of images) {
    const freshness = checkEntry(cache.images[path], join(root, path));
    if (freshness === 'stale') stale.push(path);
    else if (freshness === 'rehashed') rehashed = true;
  }
  if (stale.length > 0) await computeInto(cache, root, stale, cachePath, options);
  else if (rehashed) writeCache(cachePath, cache);

  const minDetection = options.minDetectionScore ?? DEFAULT_FACE_LANDMARKER_CONFIG.minDetectionScore;
  const minPresence = options.minPresenceScore ?? DEFAULT_FACE_LANDMARKER_CONFIG.minPresenceScore;
  const result = new Map<string, FaceLandmarks[]>();
  for (const path of images) {
    result.set(path, cache.images[path].faces.filter((f) => f.detectorScore >= minDetection && f.meshScore >= minPresence));
  }
  return result;
}

/** Per-image landmarking times from the cache (ms), for reports. */
export function cachedTimings(datasetDir: string, cacheDir?: string): Map<string, number> {
  const cache = readCache(landmarkCachePath(datasetDir, cacheDir), resolve(datasetDir), false);
  return new Map(Object.entries(cache.images).map(([path, entry]) => [path, entry.ms]));
}

/**
 * Whether a cached entry still describes the file at `fullPath`. Same size and mtime: fresh (the fast
 * path). A new mtime: the bytes are hashed and decide; if they are unchanged the entry takes the new
 * mtime ('rehashed', so the cache is rewritten). An entry from before hashing gets its hash while its
 * size and mtime are unchanged (the evidence it was valid by until now); once its mtime has changed
 * nothing records which bytes were landmarked, so it is recomputed.
 */
function checkEntry(entry: CacheEntry | undefined, fullPath: string): 'fresh' | 'rehashed' | 'stale' {
  const stat = statSync(fullPath);
  if (!entry || entry.bytes !== stat.size) return 'stale';
  if (entry.mtimeMs === stat.mtimeMs) {
    if (entry.sha256) return 'fresh';
    entry.sha256 = sha256(readFileSync(fullPath));
    return 'rehashed';
  }
  if (!entry.sha256 || sha256(readFileSync(fullPath)) !== entry.sha256) return 'stale';
  entry.mtimeMs = stat.mtimeMs;
  return 'rehashed';
}

function readCache(path: string, datasetDir: string, refresh: boolean): CacheFile {
  const empty: CacheFile = { version: LANDMARK_CACHE_CONFIG.version, pipeline: PIPELINE_FINGERPRINT, datasetDir, backend: '', images: {} };
  if (refresh || !existsSync(path)) return empty;
  const cache = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
  return cache.version === LANDMARK_CACHE_CONFIG.version && cache.pipeline === PIPELINE_FINGERPRINT ? cache : empty;
}

function writeCache(path: string, cache: CacheFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(cache));
  renameSync(temporary, path); // atomic, so a concurrent reader never sees half a file
}

async function computeInto(cache: CacheFile, root: string, paths: string[], cachePath: string, options: LoadLandmarksOptions): Promise<void> {
  if (tf.getBackend() !== 'wasm') {
    try {
      await useNodeBackend('wasm');
    } catch {
      await useNodeBackend('cpu');
    }
  }
  cache.backend = tf.getBackend();
  const landmarker = await createFaceLandmarker({
    models: {
      detector: fileModelHandler(join(MODEL_DIR, 'blazeface.json')),
      mesh: fileModelHandler(join(MODEL_DIR, 'facemesh.json')),
      iris: fileModelHandler(join(MODEL_DIR, 'iris.json')),
    },
    maxFaces: LANDMARK_CACHE_CONFIG.maxFaces,
    minDetectionScore: LANDMARK_CACHE_CONFIG.minDetectionScore,
    minPresenceScore: LANDMARK_CACHE_CONFIG.minPresenceScore,
  });
  try {
    let done = 0;
    for (const path of paths) {
      const full = join(root, path);
      const stat = statSync(full);
      const bytes = readFileSync(full); // read once, so the hash is of the bytes that were landmarked
      const { faces, timings } = await landmarker.detect(await readRgbaImage(bytes));
      const ms = timings.detectorMs + timings.meshMs + timings.irisMs;
      cache.images[path] = { bytes: bytes.byteLength, sha256: sha256(bytes), mtimeMs: stat.mtimeMs, ms: round(ms, 1), faces: faces.map(roundFace) };
      done++;
      options.onProgress?.({ done, total: paths.length, path, ms });
      if (done % LANDMARK_CACHE_CONFIG.saveEvery === 0) writeCache(cachePath, cache);
    }
  } finally {
    landmarker.dispose();
    writeCache(cachePath, cache);
  }
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function roundFace(face: FaceLandmarks): FaceLandmarks {
  const d = LANDMARK_CACHE_CONFIG.decimals;
  const points = (ps: FaceLandmarks['mesh']) => ps.map((p) => p.map((v) => round(v, d)) as [number, number, number]);
  const { x, y, width, height } = face.box;
  return {
    ...face,
    box: { x: round(x, d), y: round(y, d), width: round(width, d), height: round(height, d) },
    detectorScore: round(face.detectorScore, 4),
    meshScore: round(face.meshScore, 4),
    mesh: points(face.mesh),
    ...(face.iris ? { iris: { left: points(face.iris.left), right: points(face.iris.right) } } : {}),
  };
}
