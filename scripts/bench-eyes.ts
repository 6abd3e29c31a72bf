/**
 * Per-frame cost of the eye check in Node: face landmarks (WASM, or CPU with --backend cpu) and the
 * eye-state detector (pure TS: two eye regions, Haar cascade, fusion) on skimage's astronaut.png.
 *   npm run bench:eyes [-- --backend wasm|cpu] [--runs 30]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEyeStateDetector } from '../src/model/eyes';
import { createFaceLandmarker } from '../src/model/face';
import { fileModelHandler, readRgbaImage } from './lib/node-io';
import { useNodeBackend, type NodeBackend } from './lib/tf-node-backend';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { backend: { type: 'string', default: 'wasm' }, runs: { type: 'string', default: '30' } } });
const runs = Number(values.runs);

await useNodeBackend(values.backend as NodeBackend);
const models = join(REPO, 'public/models/vendor/human');
const landmarker = await createFaceLandmarker({
  models: {
    detector: fileModelHandler(join(models, 'blazeface.json')),
    mesh: fileModelHandler(join(models, 'facemesh.json')),
    iris: fileModelHandler(join(models, 'iris.json')),
  },
});
const eyes = await createEyeStateDetector({ cascade: readFileSync(join(REPO, 'public/models/vendor/opencv/haarcascade_eye.xml'), 'utf8') });
const image = await readRgbaImage('/usr/lib/python3/dist-packages/skimage/data/astronaut.png');

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const landmarkMs: number[] = [];
const eyeMs: number[] = [];
let state = '';
for (let i = 0; i < runs + 3; i++) {
  const t0 = performance.now();
  const { faces } = await landmarker.detect(image);
  const t1 = performance.now();
  if (faces.length === 0) throw new Error('no face found in astronaut.png');
  const result = eyes.run(image, faces[0]);
  const t2 = performance.now();
  state = `${result.state} (EAR ${result.right.ear.toFixed(3)}/${result.left.ear.toFixed(3)}, Haar hits ${result.right.haarHits?.length}/${result.left.haarHits?.length})`;
  if (i >= 3) {
    landmarkMs.push(t1 - t0);
    eyeMs.push(t2 - t1);
  }
}
landmarker.dispose();
eyes.dispose();
const lm = median(landmarkMs);
const ey = median(eyeMs);
console.log(`astronaut.png ${image.width}×${image.height}, backend ${values.backend}, ${runs} runs: eyes ${state}`);
console.log(`face landmarks median ${lm.toFixed(1)} ms · eye check median ${ey.toFixed(2)} ms · eye check / landmarks = ${(ey / lm).toFixed(3)}`);
