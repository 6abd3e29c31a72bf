/**
 * Trains the eye-crop model (src/model/eyes/eye-patch-model.ts): a small perceptron (HIDDEN_UNITS ReLU
 * units, `--hidden 0`: a logistic regression) on each eye's aligned, normalised 16×10 grayscale patch,
 * on the train split of ../shared/datasets/eyes (docs/eyes-splits/train.txt: CEW crops of one photo
 * and exact duplicates on one side), each train image also seen AUGMENT_COPIES times as a webcam call
 * shows it (scripts/lib/eyes/video-look.ts, the UV clips' degradation: roll, squeeze, gain, colour
 * cast, side light, noise, defocus or motion blur, JPEG), downscaled so that the eye is 8–24 px wide
 * whatever its class (closed eyes come from one source, CEW, with its own resolutions: the size of the
 * eye must not tell the class), the eye corners jittered as a mesh on a degraded frame places them.
 * Prints the held-out test accuracy and leave-one-source-out, and writes
 * public/models/eyes/eye-patch-model.json (weights, the leave-one-source-out models' weights and
 * the figures; no image data).
 *   npm run train:eye-patch [-- --dry-run] [--hidden N] [--out FILE (a candidate, instead of the shipped file)]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { RgbaImage } from '../src/image';
import { EAR_MESH_INDICES } from '../src/model/eyes/constants';
import { eyePatch, type EyePatchConfig } from '../src/model/eyes/eye-patch';
import { patchLogit, type EyePatchModel } from '../src/model/eyes/eye-patch-model';
import type { FaceLandmarks } from '../src/model/face';
import { largestFace } from '../src/model/measures/largest-face';
import { createSeededRandom, type SeededRandom } from '../src/random';
import { loadLandmarks } from './lib/landmark-cache';
import { wilsonInterval } from './lib/eyes/eye-metrics';
import { fitLogistic, type LogisticOptions } from './lib/eyes/logistic';
import { fitMlp, type MlpOptions } from './lib/eyes/mlp';
import { clipLook, degradeFrame } from './lib/eyes/video-look';
import { readRgbaImage } from './lib/node-io';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = resolve(REPO, '../shared/datasets/eyes');
const SPLIT_DIR = join(REPO, 'docs/eyes-splits');
const OUT = join(REPO, 'public/models/eyes/eye-patch-model.json');
/** 16×10 cells over ±0.65 × ±0.4 eye widths: the lids and a margin of skin, coarse enough that a 10 px eye fills it. */
const PATCH: EyePatchConfig = { cols: 16, rows: 10, halfWidth: 0.65, halfHeight: 0.4, supersample: 3 };
const LINEAR_FIT: LogisticOptions = { lambda: 0.01, iterations: 400, learningRate: 0.5 };
const HIDDEN_UNITS = 32;
const MLP_FIT: Omit<MlpOptions, 'hiddenUnits'> = { epochs: 30, batchSize: 64, learningRate: 0.002, lambda: 1e-4, seed: 1 };
const AUGMENT_COPIES = 8;
/** Augmented copies are scaled so that the eye is this wide (px, uniform), never enlarged. */
const EYE_WIDTH_PX: [number, number] = [8, 24];
/** The eye corners of an augmented copy move by this share of the eye width (σ, per coordinate). */
const CORNER_JITTER = 0.05;
const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, hidden: { type: 'string', default: String(HIDDEN_UNITS) }, out: { type: 'string', default: OUT } } });
const hiddenUnits = Number(values.hidden);
// anything else would silently train the logistic regression (NaN > 0 is false) or a broken layer (2.5 units)
if (!(Number.isInteger(hiddenUnits) && hiddenUnits >= 0)) throw new Error(`train:eye-patch: --hidden takes a whole number of units (0: logistic regression), not ${values.hidden}`);

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

const eyeWidthPx = (face: FaceLandmarks) => {
  const width = (i: { p1: number; p4: number }) => Math.hypot(face.mesh[i.p4][0] - face.mesh[i.p1][0], face.mesh[i.p4][1] - face.mesh[i.p1][1]);
  return (width(EAR_MESH_INDICES.right) + width(EAR_MESH_INDICES.left)) / 2;
};

/** A frame of the photo as a webcam call shows it (video-look.ts), the landmarks following the warp and the eye corners jittered. */
async function augmented(photo: RgbaImage, face: FaceLandmarks, random: SeededRandom): Promise<{ image: RgbaImage; face: FaceLandmarks }> {
  const targetWidth = EYE_WIDTH_PX[0] + (EYE_WIDTH_PX[1] - EYE_WIDTH_PX[0]) * random.next();
  const look = { ...clipLook(random), scale: Math.min(1, targetWidth / Math.max(1, eyeWidthPx(face))) };
  const frame = await degradeFrame(photo, look, random);
  const mesh = face.mesh.map(([x, y, z]) => [...frame.project(x, y), z] as [number, number, number]);
  const jitter = CORNER_JITTER * eyeWidthPx({ ...face, mesh });
  for (const i of [EAR_MESH_INDICES.right, EAR_MESH_INDICES.left]) {
    for (const k of [i.p1, i.p4]) mesh[k] = [mesh[k][0] + jitter * random.normal(), mesh[k][1] + jitter * random.normal(), mesh[k][2]];
  }
  return { image: await readRgbaImage(frame.jpeg), face: { ...face, mesh } };
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
    const photo = await readRgbaImage(join(DATA, path));
    const isTrain = train.has(path);
    const patches = [patchesOf(photo, face)];
    const random = createSeededRandom(samples.length * 31 + 7);
    for (let k = 0; isTrain && k < AUGMENT_COPIES; k++) {
      const copy = await augmented(photo, face, random);
      patches.push(patchesOf(copy.image, copy.face));
    }
    samples.push({ path, closed: path.startsWith('closed/') ? 1 : 0, source: path.split('/')[1].split('__')[0], train: isTrain, patches });
    if (samples.length % 500 === 0) console.error(`  patches ${samples.length}`);
  }
  const fitOn = (rows: Sample[]) => {
    const x: Float32Array[] = [];
    const y: (0 | 1)[] = [];
    for (const s of rows) for (const eyes of s.patches) for (const p of eyes) (x.push(p), y.push(s.closed));
    return hiddenUnits > 0 ? fitMlp(x, y, { ...MLP_FIT, hiddenUnits }) : fitLogistic(x, y, LINEAR_FIT);
  };
  const modelOf = (fit: ReturnType<typeof fitLogistic> & Partial<Pick<EyePatchModel, 'hidden'>>): EyePatchModel => ({ patch: PATCH, ...(fit.hidden ? { hidden: fit.hidden } : {}), weights: fit.weights, bias: fit.bias });
  const roundedModel = (m: EyePatchModel) => ({
    ...(m.hidden ? { hidden: { weights: m.hidden.weights.map(rounded), bias: m.hidden.bias.map(rounded) } } : {}),
    weights: m.weights.map(rounded),
    bias: rounded(m.bias),
  });
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
    leaveOneSourceOut[held] = { fitted: true, ...accuracy(modelOf(fit), samples.filter((s) => s.source === held)), ...roundedModel(modelOf(fit)) };
  }
  const report = {
    trainFaces: samples.filter((s) => s.train).length,
    testFaces: test.length,
    noFace,
    augmentCopies: AUGMENT_COPIES,
    augmentEyeWidthPx: EYE_WIDTH_PX,
    cornerJitter: CORNER_JITTER,
    fit: hiddenUnits > 0 ? { ...MLP_FIT, hiddenUnits } : LINEAR_FIT,
    heldOut,
    leaveOneSourceOut,
  };
  console.log(JSON.stringify(report, (key, v) => (key === 'hidden' ? `[hidden layer]` : key === 'weights' ? `[${v.length} weights]` : v), 2));
  if (values['dry-run']) return;
  const out = resolve(values.out!);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ patch: PATCH, ...roundedModel(model), trained: report })}\n`);
  console.error(`wrote ${out}`);
}

await main();
