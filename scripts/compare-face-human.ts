/**
 * Differential check of our face decoder against @vladmandic/human's own pipeline (its Node WASM
 * build, same model files) on the same images: mean mesh distance and iris-centre distance, as a
 * fraction of the distance between the irises. Human runs in a child process (its bundled TF.js must
 * not share the process with ours) and loads the models from a throwaway local HTTP server, because it
 * fetches model URLs. Evidence only; the extension never loads human's library.
 *   npx tsx scripts/compare-face-human.ts [image…]   (default: astronaut.png)
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFaceLandmarker, type Point3 } from '../src/model/face';
import { fileModelHandler, readRgbaImage } from './lib/node-io';
import { useNodeBackend } from './lib/tf-node-backend';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODELS = join(ROOT, 'public/models/vendor/human');

interface HumanFace {
  mesh: Point3[];
  score: number;
}

async function runHuman(images: string[]): Promise<HumanFace[][]> {
  const require = createRequire(import.meta.url);
  const { Human } = require(join(ROOT, 'node_modules/@vladmandic/human/dist/human.node-wasm.js'));
  const tf = require('@tensorflow/tfjs-core');
  const server = createServer((req, res) => createReadStream(join(MODELS, (req.url ?? '').replace(/^\//, ''))).on('error', () => res.writeHead(404).end()).pipe(res));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  const human = new Human({
    backend: 'wasm',
    wasmPath: `${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`,
    modelBasePath: `http://127.0.0.1:${port}/`,
    debug: false,
    warmup: 'none',
    cacheSensitivity: 0,
    filter: { enabled: false },
    gesture: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    segmentation: { enabled: false },
    face: { detector: { maxDetected: 5 }, emotion: { enabled: false }, description: { enabled: false }, antispoof: { enabled: false }, liveness: { enabled: false } },
  });
  await human.load();
  const all: HumanFace[][] = [];
  for (const path of images) {
    const image = await readRgbaImage(path);
    const rgb = tf.tidy(() => tf.tensor4d(Int32Array.from(image.data), [1, image.height, image.width, 4], 'int32').slice([0, 0, 0, 0], [-1, -1, -1, 3]).toFloat());
    const result = await human.detect(rgb);
    tf.dispose(rgb);
    all.push(result.face.map((f: { mesh: Point3[]; score: number }) => ({ mesh: f.mesh, score: f.score })));
  }
  server.close();
  return all;
}

// Worker mode: `--human-worker OUT.json image…` (the result goes to a file: the libraries also print to stdout).
if (process.argv[2] === '--human-worker') {
  writeFileSync(process.argv[3], JSON.stringify(await runHuman(process.argv.slice(4))));
  process.exit(0);
}

const images = process.argv.length > 2 ? process.argv.slice(2) : ['/usr/lib/python3/dist-packages/skimage/data/astronaut.png'];
const outFile = join(mkdtempSync(join(tmpdir(), 'face-vs-human-')), 'human.json');
const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--human-worker', outFile, ...images], { encoding: 'utf8' });
if (child.status !== 0) throw new Error(`human worker failed: ${child.stderr}`);
const humanFaces = JSON.parse(readFileSync(outFile, 'utf8')) as HumanFace[][];

await useNodeBackend('wasm');
const landmarker = await createFaceLandmarker({
  maxFaces: 5,
  models: {
    detector: fileModelHandler(join(MODELS, 'blazeface.json')),
    mesh: fileModelHandler(join(MODELS, 'facemesh.json')),
    iris: fileModelHandler(join(MODELS, 'iris.json')),
  },
});
const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const meshErrors: number[] = [];
const perImage: { path: string; error: number }[] = [];
const irisErrors: number[] = [];
let bothFound = 0;
let onlyOurs = 0;
let onlyHuman = 0;
for (const [i, path] of images.entries()) {
  const ours = (await landmarker.detect(await readRgbaImage(path))).faces;
  const theirs = humanFaces[i];
  if (ours.length > 0 && theirs.length === 0) onlyOurs++;
  if (ours.length === 0 && theirs.length > 0) onlyHuman++;
  if (ours.length === 0 || theirs.length === 0) continue;
  bothFound++;
  const face = ours[0];
  // human's mesh: 468 points + its iris points at 468–472 (subject's left) and 473–477 (subject's right)
  const match = theirs.reduce((best, h) => (dist(h.mesh[1], face.mesh[1]) < dist(best.mesh[1], face.mesh[1]) ? h : best));
  const scale = dist(face.iris!.left[0], face.iris!.right[0]);
  meshErrors.push(face.mesh.reduce((s, p, k) => s + dist(p, match.mesh[k]), 0) / 468 / scale);
  perImage.push({ path, error: meshErrors[meshErrors.length - 1] });
  if (match.mesh.length >= 478) irisErrors.push((dist(face.iris!.left[0], match.mesh[468]) + dist(face.iris!.right[0], match.mesh[473])) / 2 / scale);
  if (images.length <= 5) {
    console.log(path, 'ours nose', face.mesh[1].map((v) => v.toFixed(1)), 'human nose', match.mesh[1].map((v) => Number(v).toFixed(1)));
  }
}
landmarker.dispose();
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${(s[Math.floor(s.length / 2)] ?? NaN).toFixed(3)}, p90 ${(s[Math.floor(s.length * 0.9)] ?? NaN).toFixed(3)}, max ${(s[s.length - 1] ?? NaN).toFixed(3)}`;
};
for (const { path, error } of perImage.sort((a, b) => b.error - a.error).slice(0, 8)) console.log(`worst: ${error.toFixed(3)} ${path}`);
console.log(`${images.length} images: both found a face in ${bothFound}, only ours ${onlyOurs}, only human ${onlyHuman}`);
console.log(`mesh mean distance / iris distance: ${summary(meshErrors)}`);
console.log(`iris centre distance / iris distance: ${summary(irisErrors)}`);
