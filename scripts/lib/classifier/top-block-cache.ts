/**
 * Cached activations at the cut below MobileNet v1's top blocks (the output of conv_dw_12, s/32 × s/32 × 512),
 * so the last blocks can be fine-tuned on the WASM backend from disk in minutes instead of re-rendering and
 * re-running the frozen part of the network every epoch. One render per sample serves several input sizes.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { FaceLandmarks } from '../../../src/model/face/types';
import type { ClassifierPreprocessConfig } from '../../../src/model/classifier/constants';
import { preprocessForClassifier } from '../../../src/model/classifier/preprocess';
import { sampleKey, type CropPolicy } from './features';
import { primaryFace, renderSample, type OccluderPainter } from './render-sample';
import type { SampleSpec } from './samples';

/** The frozen part ends here; conv_pw_12, conv_dw_13 and conv_pw_13 above it can be trained. */
export const TOP_BLOCK_CUT = 'conv_dw_12';
export const TOP_BLOCK_CACHE_DIR = '.cache/classifier/top-block';

export interface CutActivations {
  /** Side of the cached map (input size / 32). */
  side: number;
  channels: number;
  /** rows × side² × channels, one row per sample in the order given. */
  data: Float32Array;
}

/** The backbone up to the cut: [N, s, s, 3] → [N, s/32, s/32, 512]. */
export function cutBackbone(backbone: tf.LayersModel): tf.LayersModel {
  return tf.model({ inputs: backbone.inputs, outputs: backbone.getLayer(TOP_BLOCK_CUT).output as tf.SymbolicTensor });
}

interface CutCache {
  keys: string[];
  row: Map<string, number>;
  dir: string;
}

function openCache(dir: string): CutCache {
  mkdirSync(dir, { recursive: true });
  const keysPath = join(dir, 'keys.jsonl');
  const keys = existsSync(keysPath) ? readFileSync(keysPath, 'utf8').split('\n').filter(Boolean) : [];
  const rowsOnDisk = existsSync(join(dir, 'acts.f32')) ? readFileSync(join(dir, 'acts.f32')).byteLength : 0;
  if (keys.length && rowsOnDisk === 0) throw new Error(`${dir}: keys without activations; delete the folder`);
  return { keys, row: new Map(keys.map((k, i) => [k, i])), dir };
}

export interface CutExtractOptions {
  root: string;
  crop: CropPolicy;
  landmarks?: Map<string, FaceLandmarks[]>;
  paintOccluder?: OccluderPainter;
  backboneId: string;
  log?: (msg: string) => void;
  batchSize?: number;
}

/**
 * Cut activations for every sample at each input size (model per size: cutBackbone of a backbone
 * built for that size). Missing rows are rendered once and appended to the per-size caches.
 */
export async function extractCutActivations(
  samples: readonly SampleSpec[],
  models: ReadonlyMap<number, tf.LayersModel>,
  preprocess: ClassifierPreprocessConfig,
  opts: CutExtractOptions,
): Promise<Map<number, CutActivations>> {
  const sizes = [...models.keys()];
  const caches = new Map(sizes.map((s) => [s, openCache(join(TOP_BLOCK_CACHE_DIR, `${opts.backboneId}-${s}`))]));
  const keys = samples.map((s) => sampleKey(s, opts.crop));
  const missing = [...new Set(keys.filter((k) => sizes.some((s) => !caches.get(s)!.row.has(k))))];
  const specByKey = new Map(samples.map((s, i) => [keys[i], s]));
  const batchSize = opts.batchSize ?? 16;
  const started = performance.now();
  for (let b = 0; b < missing.length; b += batchSize) {
    const batchKeys = missing.slice(b, b + batchSize);
    const inputs = new Map<number, tf.Tensor4D[]>(sizes.map((s) => [s, []]));
    for (const key of batchKeys) {
      const spec = specByKey.get(key)!;
      const { image, faceBox } = await renderSample(spec, opts.root, primaryFace(opts.landmarks?.get(spec.relPath)), opts.paintOccluder);
      for (const s of sizes) inputs.get(s)!.push(preprocessForClassifier(image, opts.crop === 'face' ? faceBox : undefined, { ...preprocess, inputSize: s }));
      image.dispose();
    }
    for (const s of sizes) {
      const cache = caches.get(s)!;
      const acts = tf.tidy(() => models.get(s)!.predict(tf.concat(inputs.get(s)!, 0)) as tf.Tensor4D);
      tf.dispose(inputs.get(s)!);
      const data = (await acts.data()) as Float32Array;
      acts.dispose();
      const fresh = batchKeys.filter((k) => !cache.row.has(k));
      const per = data.length / batchKeys.length;
      const rows = batchKeys.flatMap((k, i) => (cache.row.has(k) ? [] : [data.subarray(i * per, (i + 1) * per)]));
      const out = new Float32Array(rows.length * per);
      rows.forEach((r, i) => out.set(r, i * per));
      appendFileSync(join(cache.dir, 'acts.f32'), new Uint8Array(out.buffer));
      appendFileSync(join(cache.dir, 'keys.jsonl'), fresh.map((k) => `${k}\n`).join(''));
      for (const k of fresh) cache.row.set(k, cache.keys.push(k) - 1);
    }
    const done = Math.min(b + batchSize, missing.length);
    if (done % (batchSize * 20) === 0 || done === missing.length) {
      const sec = (performance.now() - started) / 1000;
      opts.log?.(`  cut activations ${sizes.join('+')} px: ${done}/${missing.length}, ${sec.toFixed(0)} s (${((sec * 1000) / done).toFixed(0)} ms/sample)`);
    }
  }
  const result = new Map<number, CutActivations>();
  for (const s of sizes) {
    const cache = caches.get(s)!;
    const bytes = readFileSync(join(cache.dir, 'acts.f32'));
    const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    const side = s / 32;
    const per = all.length / cache.keys.length;
    const channels = per / (side * side);
    const data = new Float32Array(samples.length * per);
    keys.forEach((k, i) => data.set(all.subarray(cache.row.get(k)! * per, (cache.row.get(k)! + 1) * per), i * per));
    result.set(s, { side, channels, data });
  }
  writeFileSync(join(TOP_BLOCK_CACHE_DIR, 'README'), 'conv_dw_12 activations per sample (float32 rows, keys.jsonl gives the sample recipe per row)\n');
  return result;
}
