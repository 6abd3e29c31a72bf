/**
 * Trains the eye-crop model (src/model/eyes/eye-patch-model.ts): a logistic regression on each eye's
 * aligned, normalised 16×10 grayscale patch, on the train split of ../shared/datasets/eyes
 * (docs/eyes-splits/train.txt: CEW crops of one photo and exact duplicates on one side), each train
 * image also seen AUGMENT_COPIES times downscaled, dimmed or brightened and JPEG-compressed as a video
 * call would. Prints the held-out test accuracy and leave-one-source-out, and writes
 * public/models/eyes/eye-patch-model.json (weights, the leave-one-source-out models' weights and
 * the figures; no image data).
 *   npm run train:eye-patch [-- --dry-run]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import type { RgbaImage } from '../src/image';
import { eyePatch, type EyePatchConfig } from '../src/model/eyes/eye-patch';
import { patchLogit, type EyePatchModel } from '../src/model/eyes/eye-patch-model';
import type { FaceLandmarks } from '../src/model/face';
import { largestFace } from '../src/model/measures/largest-face';
import { createSeededRandom } from '../src/random';
import { loadLandmarks } from './lib/landmark-cache';
import { wilsonInterval } from './lib/eyes/eye-metrics';
import { fitLogistic, type LogisticOptions } from './lib/eyes/logistic';
import { readRgbaImage } from './lib/node-io';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = resolve(REPO, '../shared/datasets/eyes');
const SPLIT_DIR = join(REPO, 'docs/eyes-splits');
const OUT = join(REPO, 'public/models/eyes/eye-patch-model.json');
/** 16×10 cells over ±0.65 × ±0.4 eye widths: the lids and a margin of skin, coarse enough that a 10 px eye fills it. */
const PATCH: EyePatchConfig = { cols: 16, rows: 10, halfWidth: 0.65, halfHeight: 0.4, supersample: 3 };
const FIT: LogisticOptions = { lambda: 0.01, iterations: 400, learningRate: 0.5 };
const AUGMENT_COPIES = 2;
const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });

interface Sample {
  path: string;
  closed: 0 | 1;
  source: string;
  train: boolean;
  /** Both eyes' patches of the photo, then of each augmented copy (train images only). */
  patches: Float32Array[][];
}

const rounded = (v: number) => +v.toFixed(5);
const patchesOf = (image: RgbaImage, face: FaceLandmarks) => [eyePatch(image, face, 'right', PATCH), eyePatch(image, face, 'left', PATCH)];

/** A copy of the photo as a call might show it: smaller, darker or brighter, JPEG-compressed; the landmarks scaled with it. */
async function augmented(path: string, face: FaceLandmarks, seed: number): Promise<{ image: RgbaImage; face: FaceLandmarks }> {
  const random = createSeededRandom(seed);
  const between = (a: number, b: number) => a + (b - a) * random.next();
  const meta = await sharp(path).metadata();
  const width = Math.max(24, Math.round(meta.width! * between(0.3, 0.9)));
  const height = Math.max(24, Math.round((meta.height! * width) / meta.width!));
  const jpeg = await sharp(path)
    .resize(width, height, { fit: 'fill' })
    .modulate({ brightness: between(0.6, 1.25) })
    .jpeg({ quality: Math.round(between(30, 80)) })
    .toBuffer();
  const sx = width / meta.width!;
  const sy = height / meta.height!;
  return { image: await readRgbaImage(jpeg), face: { ...face, mesh: face.mesh.map(([x, y, z]) => [x * sx, y * sy, z] as [number, number, number]) } };
}

async function main() {
  const landmarks = await loadLandmarks(DATA);
  const train = new Set(readFileSync(join(SPLIT_DIR, 'train.txt'), 'utf8').split('\n').filter(Boolean));
  const samples: Sample[] = [];
  let noFace = 0;
  for (const [path, faces] of landmarks) {
    const face = largestFace(faces);
    if (!face) {
      noFace++;
      continue;
    }
    const full = join(DATA, path);
    const isTrain = train.has(path);
    const patches = [patchesOf(await readRgbaImage(full), face)];
    for (let k = 0; isTrain && k < AUGMENT_COPIES; k++) {
      const copy = await augmented(full, face, samples.length * 31 + k);
      patches.push(patchesOf(copy.image, copy.face));
    }
    samples.push({ path, closed: path.startsWith('closed/') ? 1 : 0, source: path.split('/')[1].split('__')[0], train: isTrain, patches });
    if (samples.length % 500 === 0) console.error(`  patches ${samples.length}`);
  }
  const fitOn = (rows: Sample[]) => {
    const x: Float32Array[] = [];
    const y: (0 | 1)[] = [];
    for (const s of rows) for (const eyes of s.patches) for (const p of eyes) (x.push(p), y.push(s.closed));
    return fitLogistic(x, y, FIT);
  };
  const modelOf = (fit: ReturnType<typeof fitLogistic>): EyePatchModel => ({ patch: PATCH, weights: fit.weights, bias: fit.bias });
  /** Per face: the mean of the two eyes' logits on the photo itself. */
  const accuracy = (model: EyePatchModel, rows: Sample[]) => {
    const correct = rows.filter((s) => ((patchLogit(model, s.patches[0][0]) + patchLogit(model, s.patches[0][1])) / 2 > 0 ? 1 : 0) === s.closed).length;
    return { n: rows.length, accuracy: +(correct / Math.max(1, rows.length)).toFixed(4), ci95: wilsonInterval(correct, rows.length).map((v) => +v.toFixed(4)) };
  };
  const sources = [...new Set(samples.map((s) => s.source))].sort();
  const model = modelOf(fitOn(samples.filter((s) => s.train)));
  const test = samples.filter((s) => !s.train);
  const heldOut = { all: accuracy(model, test), perSource: Object.fromEntries(sources.map((src) => [src, accuracy(model, test.filter((s) => s.source === src))])) };
  const leaveOneSourceOut: Record<string, unknown> = {};
  for (const held of sources) {
    const rest = samples.filter((s) => s.train && s.source !== held);
    if (new Set(rest.map((s) => s.closed)).size < 2) {
      leaveOneSourceOut[held] = { fitted: false, reason: `without ${held} only one class is left to fit on` };
      continue;
    }
    const fit = fitOn(rest);
    // the model's weights too, so that eval:eyes can score the fused rule with a model that never saw this source
    leaveOneSourceOut[held] = { fitted: true, ...accuracy(modelOf(fit), samples.filter((s) => s.source === held)), weights: fit.weights.map(rounded), bias: rounded(fit.bias) };
  }
  const report = {
    trainFaces: samples.filter((s) => s.train).length,
    testFaces: test.length,
    noFace,
    augmentCopies: AUGMENT_COPIES,
    fit: FIT,
    heldOut,
    leaveOneSourceOut,
  };
  console.log(JSON.stringify(report, (key, v) => (key === 'weights' ? `[${v.length} weights]` : v), 2));
  if (values['dry-run']) return;
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify({ patch: PATCH, weights: model.weights.map(rounded), bias: rounded(model.bias), trained: report })}\n`);
  console.error(`wrote ${OUT}`);
}

await main();
