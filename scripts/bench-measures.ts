/**
 * npm run bench:measures [-- --runs 30 --json]
 *
 * The per-frame cost of every quality measure (computeMeasures) on a 640×480 frame: the astronaut
 * photo scaled into a webcam-sized frame, the face found once by the face model (WASM). Reported beside
 * the face model's own time in the same run, as a ratio, because the machine's load changes absolute times.
 */
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { computeMeasures } from '../src/model/measures/compute-measures';
import { largestFace } from '../src/model/measures/largest-face';
import { ASTRONAUT, faceLandmarker, toRgba } from '../test/unit/measures/real-face';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' }, json: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const frame = await toRgba(sharp(ASTRONAUT).resize(480, 480).extend({ left: 80, right: 80, background: '#808080' }));
const landmarker = await faceLandmarker();
const faceMs: number[] = [];
const measuresMs: number[] = [];
let faces = (await landmarker.detect(frame)).faces;
for (let i = 0; i < runs; i++) {
  let t = performance.now();
  faces = (await landmarker.detect(frame)).faces;
  faceMs.push(performance.now() - t);
  t = performance.now();
  computeMeasures(frame, largestFace(faces)!, faces);
  measuresMs.push(performance.now() - t);
}
landmarker.dispose();
const result = { frame: `${frame.width}x${frame.height}`, runs, measuresMs: median(measuresMs), faceModelMs: median(faceMs), measuresPerFaceModel: median(measuresMs) / median(faceMs) };
if (values.json) console.log(JSON.stringify(result));
else console.log(`${result.frame}, median of ${runs}: measures ${result.measuresMs.toFixed(1)} ms, face model (detector + mesh + iris, WASM) ${result.faceModelMs.toFixed(1)} ms, ratio ${result.measuresPerFaceModel.toFixed(2)}`);
