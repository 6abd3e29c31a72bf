/**
 * npm run bench:xai [-- --json] [-- --backend wasm|cpu]
 * Cost of the explanations relative to the inference they cannot avoid, measured in one run on one
 * backend (Node: wasm by default, single-threaded here): LIME ÷ 1000 batched forward passes
 * (target ≤ 1.15), Grad-CAM ÷ one forward pass (target ≤ 3), quickshift time, combined time.
 */
import * as tf from '@tensorflow/tfjs';
import type { RgbaImage } from '../src/image';
import { createCombined } from '../src/xai/combined';
import { createGradCam } from '../src/xai/gradcam';
import { createLime } from '../src/xai/lime';
import { measureFastestBatchSize } from '../src/xai/model';
import { quickshift } from '../src/xai/segment/quickshift';
import { readRgbaImage } from './lib/node-io';
import { type NodeBackend, useNodeBackend } from './lib/tf-node-backend';
import { loadXaiModel } from './lib/xai-model';

const ASTRONAUT = '/usr/lib/python3/dist-packages/skimage/data/astronaut.png';
const args = process.argv.slice(2);
const json = args.includes('--json');
const backend = (args[args.indexOf('--backend') + 1] ?? 'wasm') as NodeBackend;
const log = (...m: unknown[]) => json || console.log(...m);

async function timeMs(run: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function median(times: number, run: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await timeMs(run));
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

await useNodeBackend(args.includes('--backend') ? backend : 'wasm');
const probe = await loadXaiModel();
const image: RgbaImage = await readRgbaImage(ASTRONAUT, { width: probe.model.inputWidth, height: probe.model.inputHeight });
log(`model: ${probe.description}\nbackend: ${tf.getBackend()}`);

const fastest = await measureFastestBatchSize((images) => probe.model.predict(images), image, [1, 8, 16, 32]);
log(`ms/image by batch size: ${JSON.stringify(fastest.msPerImage)} → ${fastest.batchSize}`);
const { model } = await loadXaiModel(fastest.batchSize);

const thousand = new Array<RgbaImage>(1000).fill(image);
const forward1000 = async () => {
  for (let i = 0; i < thousand.length; i += model.batchSize) await model.predict(thousand.slice(i, i + model.batchSize));
};
const forwardOne = await median(9, () => model.predict([image]));
const gradcam = createGradCam(model);
const gradcamMs = await median(9, () => gradcam.explain(image));
const quickshiftMs = await median(5, () => quickshift(image));
// LIME between two timings of the inference it cannot avoid, to cancel drift from other load
const forwardBefore = await timeMs(forward1000);
const limeMs = await timeMs(() => createLime(model).explain(image));
const forwardAfter = await timeMs(forward1000);
const forward1000Ms = (forwardBefore + forwardAfter) / 2;
const combinedMs = await timeMs(() => createCombined(model).explain(image));

const result = {
  model: probe.description,
  trainedClassifier: probe.trained,
  backend: tf.getBackend(),
  batchSize: model.batchSize,
  msPerImageByBatchSize: fastest.msPerImage,
  forwardOneMs: forwardOne,
  forward1000Ms,
  limeMs,
  limeOverForward1000: limeMs / forward1000Ms,
  gradcamMs,
  gradcamOverForwardOne: gradcamMs / forwardOne,
  quickshiftMs,
  combinedMs,
  numTensorsAfter: tf.memory().numTensors,
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(`one forward pass        ${forwardOne.toFixed(1)} ms`);
  console.log(`1000 forward passes     ${(forward1000Ms / 1000).toFixed(2)} s (batch ${model.batchSize}; ${(forwardBefore / 1000).toFixed(2)} / ${(forwardAfter / 1000).toFixed(2)} s before/after LIME)`);
  console.log(`LIME (1000 samples)     ${(limeMs / 1000).toFixed(2)} s  → ÷ 1000 forwards = ${result.limeOverForward1000.toFixed(3)} (target ≤ 1.15)`);
  console.log(`Grad-CAM                ${gradcamMs.toFixed(1)} ms → ÷ one forward = ${result.gradcamOverForwardOne.toFixed(2)} (target ≤ 3)`);
  console.log(`quickshift 224×224      ${quickshiftMs.toFixed(0)} ms`);
  console.log(`combined                ${(combinedMs / 1000).toFixed(2)} s`);
}
