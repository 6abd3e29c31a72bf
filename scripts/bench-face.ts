/**
 * Per-stage latency of the face landmarker (detector, mesh, iris) on astronaut.png, for the cpu and
 * wasm backends in Node, and their ratios. Speed goals live here, not in the unit tests.
 *   npm run bench:face [-- --runs 10]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createFaceLandmarker } from '../src/model/face';
import { fileModelHandler, readRgbaImage } from './lib/node-io';
import { useNodeBackend, type NodeBackend } from './lib/tf-node-backend';
import { median } from '../src/stats';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, image: { type: 'string' } } });
const runs = Number(values.runs);
const image = await readRgbaImage(values.image ?? '/usr/lib/python3/dist-packages/skimage/data/astronaut.png');
const models = 'public/models/vendor/human';
const stages = ['detectorMs', 'meshMs', 'irisMs', 'totalMs'] as const;
type Stage = (typeof stages)[number];

const results = new Map<NodeBackend, Record<Stage, number>>();

for (const backend of ['wasm', 'cpu'] as NodeBackend[]) {
  await useNodeBackend(backend);
  const landmarker = await createFaceLandmarker({
    models: {
      detector: fileModelHandler(join(models, 'blazeface.json')),
      mesh: fileModelHandler(join(models, 'facemesh.json')),
      iris: fileModelHandler(join(models, 'iris.json')),
    },
  });
  for (let i = 0; i < 2; i++) await landmarker.detect(image); // warm-up: kernel setup, first-run allocations
  const samples: Record<Stage, number[]> = { detectorMs: [], meshMs: [], irisMs: [], totalMs: [] };
  let faces = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = await landmarker.detect(image);
    samples.totalMs.push(performance.now() - start);
    for (const s of ['detectorMs', 'meshMs', 'irisMs'] as const) samples[s].push(result.timings[s]);
    faces = result.faces.length;
  }
  landmarker.dispose();
  results.set(backend, Object.fromEntries(stages.map((s) => [s, median(samples[s])])) as Record<Stage, number>);
  console.log(`${backend}: ${faces} face(s), median of ${runs} runs on ${image.width}×${image.height}`);
}

console.log('\nstage'.padEnd(13), 'wasm ms'.padStart(9), 'cpu ms'.padStart(9), 'cpu/wasm'.padStart(9));
for (const s of stages) {
  const w = results.get('wasm')![s];
  const c = results.get('cpu')![s];
  console.log(s.replace('Ms', '').padEnd(12), w.toFixed(1).padStart(9), c.toFixed(1).padStart(9), (c / w).toFixed(2).padStart(9));
}
