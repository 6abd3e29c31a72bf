/**
 * Pooled backbone features (see feature-taps.ts) for every sample, cached on disk under
 * .cache/classifier/ keyed by the sample recipe, so retraining the head takes minutes, not hours.
 * The same pass stores a small thumbnail of the network input for the simple-CNN baseline.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { FaceLandmarks } from '../../../src/model/face/types';
import type { ClassifierPreprocessConfig } from '../../../src/model/classifier/constants';
import { preprocessForClassifier } from '../../../src/model/classifier/preprocess';
import { primaryFace, renderSample, type OccluderPainter } from './render-sample';
import type { SampleSpec } from './samples';

export const THUMB_SIZE = 64;
export type CropPolicy = 'face' | 'frame';

export interface FeatureBackbone {
  /** Names the cache: backbone and taps. */
  id: string;
  /** [N, s, s, 3] in the preprocess range → [N, dim] (pooledFeatureModel). */
  model: tf.LayersModel;
}

export interface FeatureTable {
  dim: number;
  /** rows × dim, one row per sample in the order given. */
  features: Float32Array;
  /** rows × THUMB² × 3 bytes (network input, downscaled). */
  thumbs: Uint8Array;
}

interface CacheFile {
  dim: number;
  keys: string[];
}

function readFloat32(path: string): Float32Array {
  const b = readFileSync(path);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

function cachePaths(dir: string) {
  return { index: join(dir, 'index.json'), features: join(dir, 'features.f32'), thumbs: join(dir, 'thumbs.u8') };
}

export interface ExtractOptions {
  root: string;
  cacheDir: string;
  preprocess: ClassifierPreprocessConfig;
  crop: CropPolicy;
  landmarks?: Map<string, FaceLandmarks[]>;
  paintOccluder?: OccluderPainter;
  batchSize?: number;
  log?: (msg: string) => void;
}

export function sampleKey(spec: SampleSpec, crop: CropPolicy): string {
  return JSON.stringify({ ...spec, split: undefined, crop });
}

export async function extractFeatures(samples: readonly SampleSpec[], backbone: FeatureBackbone, opts: ExtractOptions): Promise<FeatureTable> {
  const dir = join(opts.cacheDir, `${backbone.id}-${opts.preprocess.inputSize}`);
  mkdirSync(dir, { recursive: true });
  const paths = cachePaths(dir);
  const thumbLen = THUMB_SIZE * THUMB_SIZE * 3;
  let cache: CacheFile = { dim: 0, keys: [] };
  let cachedFeatures: Float32Array = new Float32Array(0);
  let cachedThumbs = new Uint8Array(0);
  if (existsSync(paths.index)) {
    cache = JSON.parse(readFileSync(paths.index, 'utf8'));
    cachedFeatures = readFloat32(paths.features);
    cachedThumbs = new Uint8Array(readFileSync(paths.thumbs));
  }
  const row = new Map(cache.keys.map((k, i) => [k, i]));
  const keys = samples.map((s) => sampleKey(s, opts.crop));
  const missing = [...new Set(keys.filter((k) => !row.has(k)))];
  const newFeatures: Float32Array[] = [];
  const newThumbs: Uint8Array[] = [];
  const specByKey = new Map(samples.map((s, i) => [keys[i], s]));
  const batchSize = opts.batchSize ?? 16;
  const started = performance.now();
  const flush = () => {
    const allF = new Float32Array(cachedFeatures.length + newFeatures.reduce((a, f) => a + f.length, 0));
    allF.set(cachedFeatures);
    let o = cachedFeatures.length;
    for (const f of newFeatures) allF.set(f, (o += f.length) - f.length);
    const allT = new Uint8Array(cachedThumbs.length + newThumbs.reduce((a, t) => a + t.length, 0));
    allT.set(cachedThumbs);
    o = cachedThumbs.length;
    for (const t of newThumbs) allT.set(t, (o += t.length) - t.length);
    writeFileSync(paths.features, allF);
    writeFileSync(paths.thumbs, allT);
    writeFileSync(paths.index, JSON.stringify(cache));
  };
  for (let b = 0; b < missing.length; b += batchSize) {
    const batchKeys = missing.slice(b, b + batchSize);
    const inputs: tf.Tensor4D[] = [];
    for (const key of batchKeys) {
      const spec = specByKey.get(key)!;
      const face = primaryFace(opts.landmarks?.get(spec.relPath));
      const { image, faceBox } = await renderSample(spec, opts.root, face, opts.paintOccluder);
      inputs.push(preprocessForClassifier(image, opts.crop === 'face' ? faceBox : undefined, opts.preprocess));
      image.dispose();
    }
    const [pooled, thumbs] = tf.tidy(() => {
      const x = tf.concat(inputs, 0);
      const thumb = tf.image.resizeBilinear(x, [THUMB_SIZE, THUMB_SIZE], true);
      return [backbone.model.predict(x) as tf.Tensor2D, tf.cast(tf.clipByValue(tf.round(tf.mul(tf.add(thumb, 1), 127.5)), 0, 255), 'int32')];
    });
    tf.dispose(inputs);
    const f = (await pooled.data()) as Float32Array;
    const t = Uint8Array.from(await thumbs.data());
    cache.dim = pooled.shape[1];
    tf.dispose([pooled, thumbs]);
    batchKeys.forEach((k, i) => {
      row.set(k, cache.keys.length);
      cache.keys.push(k);
      newFeatures.push(f.slice(i * cache.dim, (i + 1) * cache.dim));
      newThumbs.push(t.slice(i * thumbLen, (i + 1) * thumbLen));
    });
    const done = Math.min(b + batchSize, missing.length);
    if (done % (batchSize * 25) === 0 || done === missing.length) {
      flush();
      cachedFeatures = readFloat32(paths.features);
      cachedThumbs = new Uint8Array(readFileSync(paths.thumbs));
      newFeatures.length = 0;
      newThumbs.length = 0;
      const s = (performance.now() - started) / 1000;
      opts.log?.(`  ${backbone.id}: ${done}/${missing.length} new features, ${s.toFixed(0)} s (${((s * 1000) / done).toFixed(0)} ms/sample)`);
    }
  }
  const dim = cache.dim;
  const features = new Float32Array(samples.length * dim);
  const thumbs = new Uint8Array(samples.length * thumbLen);
  keys.forEach((k, i) => {
    const r = row.get(k)!;
    features.set(cachedFeatures.subarray(r * dim, (r + 1) * dim), i * dim);
    thumbs.set(cachedThumbs.subarray(r * thumbLen, (r + 1) * thumbLen), i * thumbLen);
  });
  return { dim, features, thumbs };
}
