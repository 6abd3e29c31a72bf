/**
 * Eye-state evaluation: Haar cascade only (the paper's method: in the eye regions from the landmarks,
 * and over the face box), landmarks only (EAR), and the fused detector, on a folder with open/ and
 * closed/ subfolders. Landmarks come from the shared cache (scripts/lib/landmark-cache.ts).
 *   npm run eval:eyes [-- --data DIR] [--json] [--calibrate] [--write-split]
 * On ../shared/datasets/eyes the committed split lists (docs/eyes-splits/) are used: --calibrate fits
 * the thresholds on `train` and prints them; the figures are always on `test`. Any other folder is
 * evaluated whole with the configured thresholds. Images without a face are kept as their own row
 * (the detector's answer for them is "uncertain").
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEyeStateDetector, DEFAULT_EYE_STATE_CONFIG, detectMultiScale, parseHaarCascade, type EyeState, type EyeStateConfig } from '../src/model/eyes';
import { extractRegion } from '../src/model/eyes/eye-region';
import type { FaceLandmarks } from '../src/model/face';
import { cachedTimings, loadLandmarks } from './lib/landmark-cache';
import { eyeMetrics, type EyeLabel, type EyeMetrics } from './lib/eyes/eye-metrics';
import { readManifestMd5, splitGroupKey, splitSide } from './lib/eyes/eye-split';
import { readRgbaImage } from './lib/node-io';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DATA = resolve(REPO, '../shared/datasets/eyes');
const SPLIT_DIR = join(REPO, 'docs/eyes-splits');
const CASCADE_PATH = join(REPO, 'public/models/vendor/opencv/haarcascade_eye.xml');
const TRAIN_FRACTION = 0.5;
/** The paper's detector over the face: face box resampled to this width, OpenCV's default minNeighbors. */
const FACE_BOX_SIZE = 120;
const FACE_BOX_MIN_NEIGHBORS = 3;
/** Calibration: a wrong answer costs this many "uncertain" answers (a retake is cheaper than a wrong go-ahead). */
const WRONG_COST = 3;

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: DEFAULT_DATA },
    json: { type: 'boolean', default: false },
    calibrate: { type: 'boolean', default: false },
    'write-split': { type: 'boolean', default: false },
  },
});
const dataDir = resolve(values.data!);
const log = (...a: unknown[]) => (values.json ? console.error(...a) : console.log(...a));

interface Item {
  path: string;
  label: EyeLabel;
  source: string;
  face: FaceLandmarks | null;
}

interface Measured extends Item {
  /** Per-eye EAR and cascade hit counts (right, left) for the fused rule; null without a face. */
  ears: [number, number] | null;
  hits: [number | null, number | null] | null;
  eyeWidthPx: number | null;
  fused: EyeState;
  landmarks: EyeState;
  haar: EyeState;
  haarFace: EyeState;
  ms: number | null;
}

const largestFace = (faces: FaceLandmarks[]) =>
  faces.length === 0 ? null : faces.reduce((a, b) => (b.box.width * b.box.height > a.box.width * a.box.height ? b : a));

async function main() {
  const landmarks = await loadLandmarks(dataDir, {
    onProgress: ({ done, total }) => done % 200 === 0 && console.error(`  landmarks ${done}/${total}`),
  });
  const items: Item[] = [];
  for (const [path, faces] of landmarks) {
    const label = path.split('/')[0];
    if (label !== 'open' && label !== 'closed') continue;
    const name = path.split('/').pop()!;
    items.push({ path, label, source: name.includes('__') ? name.split('__')[0] : 'unknown', face: largestFace(faces) });
  }

  const md5 = readManifestMd5(dirname(dataDir));
  const md5Of = (p: string) => md5.get(`eyes/${p}`);
  if (values['write-split']) {
    mkdirSync(SPLIT_DIR, { recursive: true });
    for (const side of ['train', 'test'] as const) {
      const list = items.filter((it) => splitSide(splitGroupKey(it.path, md5Of(it.path)), TRAIN_FRACTION) === side).map((it) => it.path);
      writeFileSync(join(SPLIT_DIR, `${side}.txt`), `${list.join('\n')}\n`);
      log(`wrote ${side}: ${list.length}`);
    }
  }
  const split = readSplit(items);
  const train = split ? items.filter((it) => split.train.has(it.path)) : [];
  const test = split ? items.filter((it) => split.test.has(it.path)) : items;

  const xml = readFileSync(CASCADE_PATH, 'utf8');
  let config: EyeStateConfig = DEFAULT_EYE_STATE_CONFIG;
  let calibration: unknown = null;
  if (values.calibrate) {
    if (!split) throw new Error('--calibrate needs the committed split lists of the eyes set');
    const fitted = await calibrate(xml, train);
    config = fitted.config;
    calibration = fitted.report;
  }

  const measured = await measure(xml, config, test);
  const report = buildReport(measured, split !== null);
  const result = { data: dataDir, split: split ? 'docs/eyes-splits/test.txt' : 'all images', trainImages: train.length, calibration, config, ...report };
  if (values.json) console.log(JSON.stringify(result));
  else printReport(result);
}

function readSplit(items: Item[]): { train: Set<string>; test: Set<string> } | null {
  const file = (s: string) => join(SPLIT_DIR, `${s}.txt`);
  if (!existsSync(file('train')) || !existsSync(file('test'))) return null;
  const read = (s: string) => new Set(readFileSync(file(s), 'utf8').split('\n').filter(Boolean));
  const train = read('train');
  const test = read('test');
  // the lists belong to this folder only if they cover exactly its images
  const covered = items.every((it) => train.has(it.path) || test.has(it.path)) && items.length === train.size + test.size;
  return covered ? { train, test } : null;
}

async function measure(xml: string, config: EyeStateConfig, items: Item[]): Promise<Measured[]> {
  const detector = await createEyeStateDetector({ ...config, cascade: xml });
  const cascade = parseHaarCascade(xml);
  const out: Measured[] = [];
  let done = 0;
  for (const it of items) {
    if (++done % 250 === 0) console.error(`  eyes ${done}/${items.length}`);
    if (!it.face) {
      out.push({ ...it, ears: null, hits: null, eyeWidthPx: null, fused: 'uncertain', landmarks: 'uncertain', haar: 'uncertain', haarFace: 'uncertain', ms: null });
      continue;
    }
    const image = await readRgbaImage(join(dataDir, it.path));
    const r = detector.run(image, it.face);
    const eyeWidth = (s: 'right' | 'left') => r[s].region ? r[s].region!.width / 2 : null;
    const widths = [eyeWidth('right'), eyeWidth('left')].filter((w): w is number => w !== null);
    out.push({
      ...it,
      ears: [r.right.ear, r.left.ear],
      hits: [r.right.haarHits?.length ?? null, r.left.haarHits?.length ?? null],
      eyeWidthPx: widths.length ? widths.reduce((a, b) => a + b) / widths.length : null,
      fused: r.state,
      landmarks: r.landmarkState,
      haar: r.haarState,
      haarFace: haarOverFace(cascade, image, it.face),
      ms: r.timings.totalMs,
    });
  }
  detector.dispose();
  return out;
}

/** The paper's way: the eye cascade over the (square) face box; open if it finds any eye. */
function haarOverFace(cascade: ReturnType<typeof parseHaarCascade>, image: Awaited<ReturnType<typeof readRgbaImage>>, face: FaceLandmarks): EyeState {
  const side = Math.round(Math.max(face.box.width, face.box.height));
  const region = { x: Math.round(face.box.x + face.box.width / 2 - side / 2), y: Math.round(face.box.y + face.box.height / 2 - side / 2), width: side, height: side };
  const crop = extractRegion(image, region, FACE_BOX_SIZE);
  const found = detectMultiScale(cascade, crop, { ...DEFAULT_EYE_STATE_CONFIG.haar, minNeighbors: FACE_BOX_MIN_NEIGHBORS });
  return found.length > 0 ? 'open' : 'closed';
}

/** Grid search on the train split: minNeighbors, EAR threshold, Haar bonus, fused threshold, uncertain margin. */
async function calibrate(xml: string, train: Item[]) {
  const withFace = train.filter((it) => it.face);
  let best: { cost: number; config: EyeStateConfig; detail: Record<string, number> } | null = null;
  const earGrid = range(0.1, 0.4, 0.0025);
  for (const minNeighbors of [1, 2, 3]) {
    const cfg = { ...DEFAULT_EYE_STATE_CONFIG, haar: { ...DEFAULT_EYE_STATE_CONFIG.haar, minNeighbors } };
    const m = await measure(xml, cfg, withFace);
    const rows = m.map((x) => ({ label: x.label, ears: x.ears!, hits: x.hits! }));
    // landmarks only: the mean-EAR threshold with the best balanced accuracy
    const earThreshold = argmax(earGrid, (t) => balanced(rows.map((r) => ({ truth: r.label, predicted: (r.ears[0] + r.ears[1]) / 2 >= t ? 'open' : 'closed' }))));
    for (const haarBonus of range(0, 0.3, 0.005)) {
      const scores = rows.map((r) => ({ truth: r.label, score: (r.ears[0] + bonus(r.hits[0], haarBonus) + r.ears[1] + bonus(r.hits[1], haarBonus)) / 2 }));
      const fusedThreshold = argmax(earGrid, (t) => balanced(scores.map((s) => ({ truth: s.truth, predicted: s.score >= t ? 'open' : 'closed' }))));
      for (const uncertainMargin of range(0, 0.03, 0.0025)) {
        const cost = balancedCost(scores.map((s) => ({ truth: s.truth, predicted: stateOf(s.score, fusedThreshold, uncertainMargin) })));
        if (!best || cost < best.cost - 1e-12) {
          best = {
            cost,
            config: { ...cfg, earThreshold, haarBonus, fusedThreshold, uncertainMargin },
            detail: { minNeighbors, earThreshold, haarBonus, fusedThreshold, uncertainMargin, trainCostPerImage: cost },
          };
        }
      }
    }
    log(`  calibrated with minNeighbors ${minNeighbors}: best so far ${JSON.stringify(best!.detail)}`);
  }
  return { config: best!.config, report: { trainImagesWithFace: withFace.length, wrongCost: WRONG_COST, ...best!.detail } };
}

const bonus = (hits: number | null, b: number) => ((hits ?? 0) > 0 ? b : 0);
const stateOf = (score: number, t: number, m: number): EyeState => (Math.abs(score - t) < m ? 'uncertain' : score >= t ? 'open' : 'closed');
const range = (a: number, b: number, step: number) => Array.from({ length: Math.round((b - a) / step) + 1 }, (_, i) => +(a + i * step).toFixed(6));
const argmax = (grid: number[], f: (v: number) => number) => grid.reduce((best, v) => (f(v) > f(best) ? v : best), grid[0]);
const balanced = (pairs: { truth: EyeLabel; predicted: EyeState }[]) => eyeMetrics(pairs).balancedAccuracy;
/** Mean per-class cost (wrong = WRONG_COST, uncertain = 1), so the larger class does not dominate. */
function balancedCost(pairs: { truth: EyeLabel; predicted: EyeState }[]) {
  const m = eyeMetrics(pairs).matrix;
  const cls = (l: EyeLabel, o: EyeLabel) => {
    const n = m[l].open + m[l].closed + m[l].uncertain;
    return n ? (m[l][o] * WRONG_COST + m[l].uncertain) / n : 0;
  };
  return (cls('open', 'closed') + cls('closed', 'open')) / 2;
}

type Method = 'haar' | 'haarFace' | 'landmarks' | 'fused';
const METHODS: { key: Method; title: string }[] = [
  { key: 'haar', title: 'Haar only, eye regions from landmarks (paper’s cascade)' },
  { key: 'haarFace', title: 'Haar only, over the face box (paper’s setup)' },
  { key: 'landmarks', title: 'Landmarks only (EAR)' },
  { key: 'fused', title: 'Fused (EAR + Haar)' },
];

function buildReport(rows: Measured[], isSplit: boolean) {
  const sources = [...new Set(rows.map((r) => r.source))].sort();
  const withWidth = rows.filter((r) => r.eyeWidthPx !== null);
  const q = (l: EyeLabel, p: number) => quantile(withWidth.filter((r) => r.label === l).map((r) => r.eyeWidthPx!), p);
  const band = [Math.max(q('open', 0.1), q('closed', 0.1)), Math.min(q('open', 0.9), q('closed', 0.9))];
  const inBand = rows.filter((r) => r.eyeWidthPx !== null && r.eyeWidthPx >= band[0] && r.eyeWidthPx <= band[1]);
  const metricsOf = (subset: Measured[], key: Method) => eyeMetrics(subset.map((r) => ({ truth: r.label, predicted: r[key] })));
  const methods = Object.fromEntries(
    METHODS.map(({ key }) => {
      const perSource = Object.fromEntries(sources.map((s) => [s, metricsOf(rows.filter((r) => r.source === s), key)]));
      const perSourceWithFace = Object.fromEntries(sources.map((s) => [s, metricsOf(rows.filter((r) => r.source === s && r.face), key)]));
      return [
        key,
        {
          all: metricsOf(rows, key),
          withFace: metricsOf(rows.filter((r) => r.face), key),
          perSource,
          perSourceWithFace,
          /** Every source weighted equally: mean of per-source accuracies (each source holds one class). */
          sourceBalancedAccuracy: sources.reduce((a, s) => a + perSource[s].accuracy, 0) / sources.length,
          eyeSizeMatched: metricsOf(inBand, key),
        },
      ];
    }),
  );
  const times = rows.map((r) => r.ms).filter((v): v is number => v !== null).sort((a, b) => a - b);
  const landmarkMs = [...cachedTimings(dataDir).entries()].filter(([p]) => rows.some((r) => r.path === p)).map(([, v]) => v).sort((a, b) => a - b);
  return {
    images: rows.length,
    perClass: { open: rows.filter((r) => r.label === 'open').length, closed: rows.filter((r) => r.label === 'closed').length },
    noFace: Object.fromEntries(sources.map((s) => [s, rows.filter((r) => r.source === s && !r.face).length])),
    eyeSizeBandPx: band.map((v) => +v.toFixed(1)),
    eyeSizeBandImages: inBand.length,
    methods,
    timingMs: {
      eyeCheck: { median: quantile(times, 0.5), p95: quantile(times, 0.95), mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length) },
      faceLandmarksFromCache: { median: quantile(landmarkMs, 0.5), p95: quantile(landmarkMs, 0.95) },
    },
    isSplit,
  };
}

function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const s = [...sorted].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))];
}

function printReport(r: ReturnType<typeof buildReport> & { data: string; split: string; calibration: unknown; config: EyeStateConfig; trainImages: number }) {
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  console.log(`Eye-state evaluation on ${r.data} (${r.split}): ${r.images} images (open ${r.perClass.open}, closed ${r.perClass.closed})`);
  if (r.calibration) console.log(`calibrated on ${r.trainImages} train images: ${JSON.stringify(r.calibration)}`);
  console.log(`config: ${JSON.stringify({ ...r.config })}`);
  console.log(`no face found (→ uncertain): ${JSON.stringify(r.noFace)}`);
  for (const { key, title } of METHODS) {
    const m = r.methods[key] as {
      all: EyeMetrics;
      withFace: EyeMetrics;
      perSource: Record<string, EyeMetrics>;
      perSourceWithFace: Record<string, EyeMetrics>;
      sourceBalancedAccuracy: number;
      eyeSizeMatched: EyeMetrics;
    };
    const a = m.all;
    console.log(`\n## ${title}`);
    console.log('truth \\ predicted | open | closed | uncertain');
    for (const l of ['open', 'closed'] as EyeLabel[]) console.log(`${l.padEnd(17)} | ${a.matrix[l].open} | ${a.matrix[l].closed} | ${a.matrix[l].uncertain}`);
    console.log(`accuracy ${pct(a.accuracy)} · balanced ${pct(a.balancedAccuracy)} · F1 open ${a.f1Open.toFixed(3)} · F1 closed ${a.f1Closed.toFixed(3)} · uncertain ${pct(a.uncertainRate)}`);
    console.log(`faces found only (${m.withFace.n}): accuracy ${pct(m.withFace.accuracy)} · F1 open ${m.withFace.f1Open.toFixed(3)} · F1 closed ${m.withFace.f1Closed.toFixed(3)}`);
    console.log(`per source: ${Object.entries(m.perSource).map(([s, v]) => `${s} ${pct(v.accuracy)} (n=${v.n})`).join(' · ')} · source-balanced ${pct(m.sourceBalancedAccuracy)}`);
    console.log(`per source, faces found only: ${Object.entries(m.perSourceWithFace).map(([s, v]) => `${s} ${pct(v.accuracy)} (n=${v.n})`).join(' · ')}`);
    console.log(`eye width ${r.eyeSizeBandPx[0]}–${r.eyeSizeBandPx[1]} px only (n=${m.eyeSizeMatched.n}): accuracy ${pct(m.eyeSizeMatched.accuracy)} · balanced ${pct(m.eyeSizeMatched.balancedAccuracy)}`);
  }
  const t = r.timingMs;
  console.log(`\nper-frame cost (Node, CPU, pure TS): eye check median ${t.eyeCheck.median.toFixed(2)} ms, p95 ${t.eyeCheck.p95.toFixed(2)} ms; face landmarks (cached, WASM) median ${t.faceLandmarksFromCache.median} ms, p95 ${t.faceLandmarksFromCache.p95} ms`);
}

await main();
