/**
 * npm run classifier-parity [-- --backend wasm|cpu]
 *
 * Node side of the browser parity test: class probabilities of the committed classifier for fixed
 * fixture images (Debian python3-skimage), through createQualityClassifier — the same preprocessing
 * the extension runs. The browser test feeds the same images and face boxes and compares (±1e-3).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { createQualityClassifier } from '../src/model/classifier';
import { fileModelHandler, readRgbaImage } from './lib/node-io';
import { useNodeBackend, type NodeBackend } from './lib/tf-node-backend';
import { MODEL_DIR } from './lib/classifier/paths';
import { readClassifierConfig } from './lib/classifier/shipped-model';

export const SKIMAGE_DATA = '/usr/lib/python3/dist-packages/skimage/data';
/** Fixtures: whole frame, plus the astronaut with a fixed box around her face to exercise the crop path. */
export const PARITY_CASES = [
  { name: 'astronaut', file: 'astronaut.png' },
  { name: 'astronaut-face', file: 'astronaut.png', faceBox: { x: 160, y: 60, width: 130, height: 150 } },
  { name: 'coffee', file: 'coffee.png' },
  { name: 'chelsea', file: 'chelsea.png' },
] as const;

const { values: args } = parseArgs({ options: { backend: { type: 'string', default: 'wasm' } } });
await useNodeBackend(args.backend as NodeBackend);
const classifier = await createQualityClassifier({ model: fileModelHandler(join(MODEL_DIR, 'model.json')), config: readClassifierConfig() });
const results: Record<string, unknown> = {};
for (const c of PARITY_CASES) {
  const r = await classifier.classify(await readRgbaImage(join(SKIMAGE_DATA, c.file)), 'faceBox' in c ? c.faceBox : undefined);
  results[c.name] = { file: c.file, faceBox: 'faceBox' in c ? c.faceBox : null, label: r.label, probabilities: r.probabilities };
}
classifier.dispose();
console.log(JSON.stringify({ backend: tf.getBackend(), model: `${MODEL_DIR}/model.json`, results }, null, 2));
