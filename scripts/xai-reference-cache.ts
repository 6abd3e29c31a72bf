/**
 * npm run xai:reference [-- --images N]
 * Runs the paper's reference LIME (1000 random samples, seeds 0 and 1) on the first N held-out images
 * (scripts/lib/xai/held-out.ts's seeded, class-interleaved order; default 200) and caches each image's
 * masks and class probabilities (scripts/lib/xai/reference-cache.ts), so that xai:eval and bench:xai compare
 * any fast design with the reference without its 2000 forwards per image. Resumable: cached images are skipped.
 * Long (≈ 1–3 min per image on one wasm thread): run it with `nice`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Box } from '../src/model/face/types';
import { createSeededRandom } from '../src/random';
import { DEFAULT_LIME_OPTIONS, predictSamples } from '../src/xai/lime';
import { samplePerturbations } from '../src/xai/lime/sample-perturbations';
import { segmentMeanFill } from '../src/xai/lime/segment-mean-fill';
import { quickshift } from '../src/xai/segment/quickshift';
import { faceBoxes, heldOutImages, modelInputImage } from './lib/xai/held-out';
import { imageCacheFile } from './lib/xai/eval-records';
import { REFERENCE_SEEDS, referenceCacheDir, saveReferenceRecord, type ReferenceRun } from './lib/xai/reference-cache';
import { useNodeBackend } from './lib/tf-node-backend';
import { loadXaiModel } from './lib/xai-model';

const args = process.argv.slice(2);
const count = args.includes('--images') ? Number(args[args.indexOf('--images') + 1]) : 200;
if (!(Number.isInteger(count) && count > 0)) throw new Error('xai:reference: --images takes a positive integer');

await useNodeBackend('wasm');
const xai = await loadXaiModel();
const { model } = xai;
const dir = referenceCacheDir(xai.id);
const boxes = xai.trained ? await faceBoxes() : new Map<string, Box | undefined>();
const images = heldOutImages(Math.ceil(count / 5)).slice(0, count);
let done = 0;
for (const { path, trueClass } of images) {
  const file = imageCacheFile(dir, path);
  done++;
  if (existsSync(file)) continue;
  const started = performance.now();
  const image = await modelInputImage(path, boxes.get(resolve(path)), xai.preprocessConfig);
  const segmentation = quickshift(image);
  const fill = segmentMeanFill(image, segmentation);
  const runs: ReferenceRun[] = [];
  for (const seed of REFERENCE_SEEDS) {
    const samples = samplePerturbations(DEFAULT_LIME_OPTIONS.numSamples, segmentation.count, createSeededRandom(seed));
    const probabilities = await predictSamples(model, image, fill, segmentation, samples, model.batchSize, {});
    runs.push({ seed, numSamples: samples.numSamples, masks: samples.on, probabilities });
  }
  const original = Array.from(runs[0].probabilities.subarray(0, model.numClasses));
  const target = original.indexOf(Math.max(...original));
  saveReferenceRecord(file, { path, trueClass, numClasses: model.numClasses, target, segmentation, runs });
  console.log(`${done}/${images.length} ${trueClass} → ${xai.classNames[target]} ${segmentation.count} superpixels, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
console.log(`reference cache: ${images.length} images in ${dir}`);
