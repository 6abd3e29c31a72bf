/**
 * npm run measure-bands [-- --json]
 *
 * Issue 13 item 7: what live video does to the measures. The validation split's `good` photos of the
 * shared set are degraded the way a consult's video degrades a face — motion blur, WebRTC-like
 * compression (half resolution, JPEG quality 25), low light (gain 0.3, sensor noise σ 8, JPEG 75) and
 * downscaling — and measured (the mesh is the one found on the clean photo). For each condition it prints
 * the median of the key measures, how often each fusion rule fires (fusion.json) and how often each
 * profile's measure bands (src/workflow/measure-bands.ts) all pass. docs/measures.md records the run.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { failedMeasures } from '../src/model/fusion/fuse-verdict';
import { computeMeasures } from '../src/model/measures/compute-measures';
import { largestFace } from '../src/model/measures/largest-face';
import { toRgbTensor } from '../src/model/rgb-tensor';
import { MEASURE_IDS, type MeasureId, type QualityMeasures } from '../src/protocol/quality-measures';
import { DEFAULT_MEASURE_BANDS, inBand } from '../src/workflow/measure-bands';
import { PROFILE_IDS } from '../src/workflow/types';
import { applyBlur, jpegRoundTrip } from './lib/classifier/image-ops';
import { MODEL_DIR } from './lib/classifier/paths';
import { readFusionFile } from './lib/fusion/fusion-file';
import { heldOutSamples } from './lib/fusion/held-out-samples';
import { tensorToRgba } from './lib/fusion/sample-evidence';
import { readRgbaImage } from './lib/node-io';
import { createSeededRandom } from '../src/random';
import { quantileOfSorted } from '../src/stats';
import { useNodeBackend } from './lib/tf-node-backend';

const { values: args } = parseArgs({ options: { json: { type: 'boolean', default: false } } });

type Degrade = (image: tf.Tensor3D, faceSide: number) => Promise<tf.Tensor3D>;
const lowres = (image: tf.Tensor3D, factor: number) => applyBlur(image, { kind: 'lowres', side: Math.round(factor * Math.min(image.shape[0], image.shape[1])) });

export const CONDITIONS: Record<string, Degrade> = {
  clean: async (image) => image.clone(),
  'motion blur 3 % of face': async (image, side) => applyBlur(image, { kind: 'motion', length: 0.03 * side, angle: 0.3 }),
  'motion blur 8 % of face': async (image, side) => applyBlur(image, { kind: 'motion', length: 0.08 * side, angle: 0.3 }),
  'WebRTC-like (½ res, JPEG 25)': async (image) => {
    const small = lowres(image, 0.5);
    const out = await jpegRoundTrip(small, 25);
    small.dispose();
    return out;
  },
  'low light (gain 0.3, noise σ 8, JPEG 75)': async (image) => {
    const random = createSeededRandom(11).next;
    const noisy = tf.tidy(() => {
      const noise = tf.tensor3d(Float32Array.from({ length: image.size }, () => 8 * Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random())), image.shape);
      return tf.clipByValue(tf.add(tf.mul(image, 0.3), noise), 0, 255).round() as tf.Tensor3D;
    });
    const out = await jpegRoundTrip(noisy, 75);
    noisy.dispose();
    return out;
  },
  'very dark (gain 0.08)': async (image) => tf.tidy(() => tf.mul(image, 0.08).round() as tf.Tensor3D),
  'downscaled to ⅓': async (image) => lowres(image, 1 / 3),
};

const KEY_MEASURES: MeasureId[] = ['sharpness', 'luminance-mean', 'under-exposure', 'compression-artefacts', 'face-occlusion', 'eyes-visible'];
const percentile = (xs: number[], p: number) => quantileOfSorted([...xs].sort((a, b) => a - b), p, 'lower');
const median = (xs: number[]) => percentile(xs, 0.5);

async function main() {
  await useNodeBackend('wasm');
  const fusion = readFusionFile(MODEL_DIR).config;
  const held = await heldOutSamples();
  const photos = [...new Set(held.val.filter((s) => s.label === 'good' && !s.blur && !s.occluder).map((s) => s.relPath))].filter((p) => held.landmarks.get(p)?.length);
  const report: Record<string, { n: number; medians: Record<string, number>; ruleFires: Record<string, number>; bandsPass: Record<string, number>; scoreP5: Record<string, number> }> = {};
  for (const [name, degrade] of Object.entries(CONDITIONS)) {
    const measured: QualityMeasures[] = [];
    for (const relPath of photos) {
      const faces = held.landmarks.get(relPath)!;
      const face = largestFace(faces)!;
      const image = toRgbTensor(await readRgbaImage(join(held.root, relPath)));
      const degraded = await degrade(image, Math.max(face.box.width, face.box.height));
      measured.push(computeMeasures(tensorToRgba(degraded), face, faces));
      tf.dispose([image, degraded]);
    }
    const ruleFires: Record<string, number> = {};
    for (const m of measured) for (const f of failedMeasures(m, fusion)) ruleFires[f.id] = (ruleFires[f.id] ?? 0) + 1 / measured.length;
    const bandsPass: Record<string, number> = {};
    for (const profile of PROFILE_IDS) {
      const bands = Object.entries(DEFAULT_MEASURE_BANDS[profile]) as [MeasureId, NonNullable<(typeof DEFAULT_MEASURE_BANDS)[typeof profile][MeasureId]>][];
      bandsPass[profile] = measured.filter((m) => bands.every(([id, band]) => m[id] === undefined || inBand(m[id]!, band))).length / measured.length;
    }
    const medians = Object.fromEntries(KEY_MEASURES.map((id) => [id, median(measured.map((m) => m[id]?.raw ?? Number.NaN))]));
    // the score that 95 % of the photos reach, per measure: where a band passing 95 % of them would sit
    const scoreP5 = Object.fromEntries(MEASURE_IDS.map((id) => [id, percentile(measured.filter((m) => m[id]).map((m) => m[id]!.score), 0.05)]));
    report[name] = { n: measured.length, medians, ruleFires, bandsPass, scoreP5 };
    if (!args.json) {
      console.log(`\n${name} (n ${measured.length})`);
      console.log(`  medians: ${KEY_MEASURES.map((id) => `${id} ${medians[id].toFixed(3)}`).join(', ')}`);
      console.log(`  fusion rules firing: ${Object.entries(ruleFires).map(([id, r]) => `${id} ${(100 * r).toFixed(0)} %`).join(', ') || 'none'}`);
      console.log(`  5th-percentile score: ${MEASURE_IDS.map((id) => `${id} ${scoreP5[id]}`).join(', ')}`);
      console.log(`  all measure bands pass: ${PROFILE_IDS.map((p) => `${p} ${(100 * bandsPass[p]).toFixed(0)} %`).join(', ')}`);
    }
  }
  if (args.json) console.log(JSON.stringify(report));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
