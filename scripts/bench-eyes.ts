/**
 * Per-frame cost of the eye check in Node: face landmarks (WASM, or CPU with --backend cpu) and the
 * eye-state detector (pure TS: landmark opening; two eye regions and the Haar cascade; fusion) on
 * skimage's astronaut.png, with the cascade on every face (before issue 15) and only when the
 * landmarks are ambiguous (shipped; the astronaut's eyes are clearly open, so it does not run).
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
const xml = readFileSync(join(REPO, 'public/models/vendor/opencv/haarcascade_eye.xml'), 'utf8');
const eyes = await createEyeStateDetector({ cascade: xml, cascadeRuns: 'when-ambiguous' });
const eyesAlways = await createEyeStateDetector({ cascade: xml, cascadeRuns: 'always' });
const image = await readRgbaImage('/usr/lib/python3/dist-packages/skimage/data/astronaut.png');

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const landmarkMs: number[] = [];
const eyeMs: number[] = [];
const eyeAlwaysMs: number[] = [];
let state = '';
for (let i = 0; i < runs + 3; i++) {
  const t0 = performance.now();
  const { faces } = await landmarker.detect(image);
  const t1 = performance.now();
  if (faces.length === 0) throw new Error('no face found in astronaut.png');
  const result = eyes.run(image, faces[0]);
  const t2 = performance.now();
  const always = eyesAlways.run(image, faces[0]);
  const t3 = performance.now();
  state = `${result.state} (EAR ${result.right.ear.toFixed(3)}/${result.left.ear.toFixed(3)}, cascade ran: ${result.cascadeRan}; always: ${always.state}, Haar hits ${always.right.haarHits?.length}/${always.left.haarHits?.length})`;
  if (i >= 3) {
    landmarkMs.push(t1 - t0);
    eyeMs.push(t2 - t1);
    eyeAlwaysMs.push(t3 - t2);
  }
}
landmarker.dispose();
eyes.dispose();
eyesAlways.dispose();
const lm = median(landmarkMs);
const ey = median(eyeMs);
const eyAlways = median(eyeAlwaysMs);
console.log(`astronaut.png ${image.width}×${image.height}, backend ${values.backend}, ${runs} runs: eyes ${state}`);
console.log(`face landmarks median ${lm.toFixed(1)} ms · eye check median: shipped ${ey.toFixed(3)} ms, cascade always ${eyAlways.toFixed(2)} ms · shipped / always = ${(ey / eyAlways).toFixed(4)} · shipped / landmarks = ${(ey / lm).toFixed(4)}`);
