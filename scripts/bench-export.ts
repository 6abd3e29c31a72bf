/**
 * The export's cost and accuracy on astronaut.png resized to 640 px (the sampling's longest side): how long prepareExport
 * (bilinear warp to 512×512 + report) takes in Node, as a ratio of the 200 ms between sampled frames
 * at 5 fps, and how far the face models find the eyes from their target positions in the aligned
 * crop when the frame is rolled. Speed goals live here, not in the unit tests.
 *   npm run bench:export [-- --runs 20]
 */
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { DEFAULT_SAMPLING } from '../src/capture/sampling';
import { eyeCentres, targetEyeCentres } from '../src/export/align-face';
import { prepareExport, type ExportRequest } from '../src/export/prepare-export';
import { shippedModelVersions } from '../src/export/shipped-model-versions';
import type { RgbaImage } from '../src/image';
import { createFaceLandmarker } from '../src/model/face';
import { fileModelHandler } from './lib/node-io';
import { useNodeBackend } from './lib/tf-node-backend';
import { median } from '../src/stats';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);
const ASTRONAUT = '/usr/lib/python3/dist-packages/skimage/data/astronaut.png';
const MODELS = 'public/models/vendor/human';

async function rolledFrame(rollDeg: number): Promise<RgbaImage> {
  const { data, info } = await sharp(ASTRONAUT).rotate(rollDeg, { background: '#808080' }).resize({ width: DEFAULT_SAMPLING.maxSide }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}

await useNodeBackend('wasm');
const landmarker = await createFaceLandmarker({ models: { detector: fileModelHandler(`${MODELS}/blazeface.json`), mesh: fileModelHandler(`${MODELS}/facemesh.json`), iris: fileModelHandler(`${MODELS}/iris.json`) } });
const target = targetEyeCentres();

async function requestFor(frame: RgbaImage): Promise<ExportRequest> {
  const [face] = (await landmarker.detect(frame)).faces;
  if (!face) throw new Error('no face found in the benchmark frame');
  return {
    frame,
    analysis: {
      frameId: 1,
      streamId: 'bench',
      width: frame.width,
      height: frame.height,
      capturedAt: 0,
      backend: 'wasm',
      faces: [{ ...face, luminance: null }],
      quality: { label: 'good', confidence: 1, uncertain: false, probabilities: { blur: 0, eyeglasses: 0, good: 1, covered: 0, wrong: 0 } },
      measures: null, verdict: { label: 'good', uncertain: false, evidence: ['classifier'] },
      eyes: null,
      timings: { transportMs: 0, decodeMs: 0, detectorMs: 0, meshMs: 0, irisMs: 0, classifierMs: 0, eyesMs: 0, measuresMs: 0, totalMs: 0 },
    },
    readiness: null,
    profile: 'id-photo',
    source: 'manual',
    capturedAtEpochMs: 0,
    exportedAtEpochMs: 0,
    format: 'png',
    explanation: null,
    models: shippedModelVersions(),
    app: { name: 'FaceReady', version: 'bench' },
  };
}

const upright = await requestFor(await rolledFrame(0));
for (let i = 0; i < 3; i++) prepareExport(upright); // warm-up (JIT)
const ms: number[] = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  prepareExport(upright);
  ms.push(performance.now() - start);
}
const intervalMs = 1000 / DEFAULT_SAMPLING.fps;
console.log(`prepareExport ${upright.frame.width}×${upright.frame.height} → 512×512: median ${median(ms).toFixed(1)} ms over ${runs} runs = ${(median(ms) / intervalMs).toFixed(2)}× the ${intervalMs} ms between sampled frames`);

console.log('roll (deg) | roll removed (deg) | eye error after alignment, right / left (px, target eye distance 102.4 px)');
for (const roll of [0, 10, 20, -35]) {
  const prepared = prepareExport(await requestFor(await rolledFrame(roll)));
  const [face] = (await landmarker.detect(prepared.image)).faces;
  const eyes = eyeCentres(face);
  const error = (side: 'right' | 'left') => Math.hypot(eyes[side].x - target[side].x, eyes[side].y - target[side].y).toFixed(2);
  console.log(`${roll} | ${prepared.report.image.alignment!.rotationDeg.toFixed(2)} | ${error('right')} / ${error('left')}`);
}
landmarker.dispose();
