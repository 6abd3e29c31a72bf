/**
 * npm run bench:xai [-- --json] [-- --backend wasm|cpu] [-- --batch N (skip the batch-size search)]
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

/**
 * Wall time and this process's CPU time (user + system). On a machine shared with other jobs the wall
 * time is inflated by waiting for a core; the CPU time of this single-threaded (wasm in Node) process
 * is not, so the ratios are given for both.
 */
interface Timing { wallMs: number; cpuMs: number }

async function time(run: () => Promise<unknown> | unknown): Promise<Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

async function median(times: number, run: () => Promise<unknown> | unknown): Promise<Timing> {
  const samples: Timing[] = [];
  for (let i = 0; i < times; i++) samples.push(await time(run));
  const mid = (key: keyof Timing) => samples.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(times / 2)];
  return { wallMs: mid('wallMs'), cpuMs: mid('cpuMs') };
}

const ratio = (a: Timing, b: Timing) => ({ wall: a.wallMs / b.wallMs, cpu: a.cpuMs / b.cpuMs });
const mean = (a: Timing, b: Timing): Timing => ({ wallMs: (a.wallMs + b.wallMs) / 2, cpuMs: (a.cpuMs + b.cpuMs) / 2 });

await useNodeBackend(args.includes('--backend') ? backend : 'wasm');
const probe = await loadXaiModel();
const image: RgbaImage = await readRgbaImage(ASTRONAUT, { width: probe.model.inputWidth, height: probe.model.inputHeight });
log(`model: ${probe.description}\nbackend: ${tf.getBackend()}`);

const forcedBatch = args.includes('--batch') ? Number(args[args.indexOf('--batch') + 1]) : undefined;
const fastest = forcedBatch
  ? { batchSize: forcedBatch, msPerImage: {} }
  : await measureFastestBatchSize((images) => probe.model.predict(images), image, [1, 8, 16, 32]);
log(`ms/image by batch size: ${JSON.stringify(fastest.msPerImage)} → ${fastest.batchSize}`);
const { model } = await loadXaiModel(fastest.batchSize);

const tensorsBefore = tf.memory().numTensors;
const thousand = new Array<RgbaImage>(1000).fill(image);
const runForward1000 = async () => {
  for (let i = 0; i < thousand.length; i += model.batchSize) await model.predict(thousand.slice(i, i + model.batchSize));
};
const forwardOne = await median(9, () => model.predict([image]));
const gradcamExplainer = createGradCam(model);
const gradcam = await median(9, () => gradcamExplainer.explain(image));
const quickshiftTiming = await median(5, () => quickshift(image));
// LIME between two timings of the inference it cannot avoid, to cancel drift from other load
const forwardBefore = await time(runForward1000);
const lime = await time(() => createLime(model).explain(image));
const forwardAfter = await time(runForward1000);
const forward1000 = mean(forwardBefore, forwardAfter);
const combined = await time(() => createCombined(model).explain(image));

const result = {
  model: probe.description,
  trainedClassifier: probe.trained,
  backend: tf.getBackend(),
  batchSize: model.batchSize,
  msPerImageByBatchSize: fastest.msPerImage,
  forwardOne,
  forward1000,
  forward1000BeforeAfterLime: [forwardBefore, forwardAfter],
  lime,
  limeOverForward1000: ratio(lime, forward1000),
  gradcam,
  gradcamOverForwardOne: ratio(gradcam, forwardOne),
  quickshift: quickshiftTiming,
  combined,
  tensorsLeaked: tf.memory().numTensors - tensorsBefore,
};
const t = (x: Timing, unit: 's' | 'ms') => (unit === 's' ? `${(x.wallMs / 1000).toFixed(2)} s wall, ${(x.cpuMs / 1000).toFixed(2)} s cpu` : `${x.wallMs.toFixed(1)} ms wall, ${x.cpuMs.toFixed(1)} ms cpu`);
const r = (x: { wall: number; cpu: number }) => `${x.wall.toFixed(3)} wall, ${x.cpu.toFixed(3)} cpu`;
if (json) console.log(JSON.stringify(result));
else {
  console.log(`one forward pass        ${t(forwardOne, 'ms')}`);
  console.log(`1000 forward passes     ${t(forward1000, 's')} (batch ${model.batchSize}; before/after LIME: ${t(forwardBefore, 's')} / ${t(forwardAfter, 's')})`);
  console.log(`LIME (1000 samples)     ${t(lime, 's')} → ÷ 1000 forwards = ${r(result.limeOverForward1000)} (target ≤ 1.15)`);
  console.log(`Grad-CAM                ${t(gradcam, 'ms')} → ÷ one forward = ${r(result.gradcamOverForwardOne)} (target ≤ 3)`);
  console.log(`quickshift ${image.width}×${image.height}      ${t(quickshiftTiming, "ms")}`);
  console.log(`combined                ${t(combined, 's')}`);
  console.log(`tensors leaked          ${result.tensorsLeaked}`);
}
