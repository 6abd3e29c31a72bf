/**
 * The measured figures behind the readiness bands (src/workflow/profiles.ts), from the datasets
 * (never committed; this script only prints): face luminance, head pose, face size and centring of
 * the faces in each face-quality class, as percentiles. Uses the landmark cache (npm run landmarks).
 *   npx tsx scripts/measure-readiness.ts [--data ../shared/datasets/face-quality]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { faceLuminance } from '../src/model/measures/face-luminance';
import { largestFace } from '../src/model/measures/largest-face';
import { faceOffset } from '../src/workflow/face-centring';
import { quantileOfSorted } from '../src/stats';
import { headPose } from '../src/workflow/head-pose';
import { loadLandmarks } from './lib/landmark-cache';
import { readRgbaImage } from './lib/node-io';

const { values } = parseArgs({ options: { data: { type: 'string', default: '../shared/datasets/face-quality' } } });
const landmarks = await loadLandmarks(values.data);

type Row = Record<'luminance' | 'yaw' | 'pitch' | 'roll' | 'height' | 'dx' | 'dy', number>;
const byClass = new Map<string, Row[]>();
for (const [path, faces] of landmarks) {
  const face = largestFace(faces);
  if (!face) continue;
  const image = await readRgbaImage(join(values.data, path));
  // Raw pitch, so the neutral offset can be read off the `good` class.
  const pose = headPose(face.mesh, { neutralPitch: 0 });
  const offset = faceOffset(face.box, image);
  const row: Row = { luminance: faceLuminance(image, face.box) ?? NaN, ...pose, height: face.box.height / image.height, dx: offset.x, dy: offset.y };
  const cls = path.split('/')[0];
  byClass.set(cls, [...(byClass.get(cls) ?? []), row]);
}

const percentile = (sorted: number[], p: number) => quantileOfSorted(sorted, p / 100);
const PERCENTILES = [1, 5, 25, 50, 75, 95, 99];
console.log(`dataset ${values.data}; percentiles ${PERCENTILES.join('/')} per class (faces found)`);
for (const [cls, rows] of byClass) {
  console.log(`\n${cls} (${rows.length} faces)`);
  for (const key of Object.keys(rows[0]) as (keyof Row)[]) {
    const sorted = rows.map((r) => r[key]).filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
    console.log(`  ${key.padEnd(9)} ${PERCENTILES.map((p) => percentile(sorted, p).toFixed(key === 'luminance' ? 0 : 2)).join(' / ')}`);
  }
}
