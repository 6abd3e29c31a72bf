/**
 * Eye-state evaluation on a folder with open/ and closed/ subfolders (landmarks from the shared cache,
 * scripts/lib/landmark-cache.ts): the Haar cascade only (the paper's method: in the eye regions from
 * the landmarks, and over the face box), landmarks only (one EAR threshold), the fused rule with the
 * cascade on every face, and the shipped detector (cascade only when the landmarks are ambiguous); how
 * often the cascade runs and what it still changes; the confidently-closed flag of the UV gate;
 * leave-one-source-out; and, with --uv-clips, the live UV gate on
 * synthetic clips (scripts/lib/eyes/uv-clips.ts).
 *   npm run eval:eyes [-- --data DIR] [--json] [--calibrate] [--write-split] [--uv-clips]
 * On ../shared/datasets/eyes the committed split lists (docs/eyes-splits/) are used: --calibrate fits
 * the thresholds on `train` and prints them; the figures are always on `test`. Any other folder is
 * evaluated whole with the configured thresholds. Images without a face are kept as their own row
 * (the detector's answer for them is "uncertain").
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createEyeStateDetector,
  DEFAULT_EYE_STATE_CONFIG,
  detectMultiScale,
  EYE_SMOOTHING,
  parseHaarCascade,
  type EyeState,
  type EyeStateConfig,
  type EyeStateResult,
} from '../src/model/eyes';
import { extractRegion } from '../src/model/eyes/eye-region';
import { eyePatch } from '../src/model/eyes/eye-patch';
import { patchLogit, validateEyePatchModel, type EyePatchModel } from '../src/model/eyes/eye-patch-model';
import { largestFace } from '../src/model/measures/largest-face';
import type { FaceLandmarks } from '../src/model/face';
import type { RgbaImage } from '../src/image';
import { cachedTimings, loadLandmarks } from './lib/landmark-cache';
import { eyeMetrics, wilsonInterval, type EyeLabel, type EyeMetrics } from './lib/eyes/eye-metrics';
import { readEyeModels } from './lib/eyes/eye-models';
import { readManifestMd5, splitGroupKey, splitSide } from './lib/eyes/eye-split';
import { evaluateUvClips, type ClipSplit, type UvClipReport } from './lib/eyes/uv-clips';
import { readRgbaImage } from './lib/node-io';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DATA = resolve(REPO, '../shared/datasets/eyes');
const SPLIT_DIR = join(REPO, 'docs/eyes-splits');
const TRAIN_FRACTION = 0.5;
/** The paper's detector over the face: face box resampled to this width, OpenCV's default minNeighbors. */
const FACE_BOX_SIZE = 120;
const FACE_BOX_MIN_NEIGHBORS = 3;
/** Calibration: a wrong answer costs this many "uncertain" answers (a retake is cheaper than a wrong go-ahead). */
const WRONG_COST = 3;
/** EYE_SMOOTHING.closureLogit: above the highest closure logit any open-eye train clip reaches, by this margin. */
const CLOSURE_LOGIT_MARGIN = 0.5;
/** minBaseline: this percentile of closed train faces' mean EAR (a baseline above it is taken as open eyes). */
const MIN_BASELINE_PERCENTILE = 0.95;
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: DEFAULT_DATA },
    json: { type: 'boolean', default: false },
    calibrate: { type: 'boolean', default: false },
    'write-split': { type: 'boolean', default: false },
    'uv-clips': { type: 'boolean', default: false },
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

/** What every method is derived from: the per-eye EARs and cascade hit counts (cascade run on every face). */
interface Measured extends Item {
  ears: [number, number] | null;
  /** The eye-crop model's logits (right, left eye). */
  logits: [number, number] | null;
  /** Both eyes' patches (eye-patch.ts), for scoring with the leave-one-source-out eye-crop models. */
  patches: [Float32Array, Float32Array] | null;
  hits: [number | null, number | null] | null;
  eyeWidthPx: number | null;
  haarFace: EyeState;
  /** The shipped detector's result on this face (cascade only when ambiguous); null without a face. */
  shipped: Pick<EyeStateResult, 'state' | 'confidentlyClosed' | 'cascadeRan'> | null;
  /** Fused state with the cascade on every face (the pipeline before issue 15). */
  alwaysState: EyeState;
  alwaysMs: number | null;
  shippedMs: number | null;
}

type Method = 'haar' | 'haarFace' | 'landmarks' | 'fusedAlways' | 'appearance' | 'lidsAndAppearance' | 'shipped';
const METHODS: { key: Method; title: string }[] = [
  { key: 'haar', title: 'Haar only, eye regions from landmarks (paper’s cascade)' },
  { key: 'haarFace', title: 'Haar only, over the face box (paper’s setup)' },
  { key: 'landmarks', title: 'Landmarks only (one EAR threshold)' },
  { key: 'fusedAlways', title: 'Lids + cascade, cascade on every face (the rule before this session)' },
  { key: 'appearance', title: 'Eye-crop model only (mean logit of the two eyes)' },
  { key: 'lidsAndAppearance', title: 'Lids + cascade (on every face), closed only if the eye-crop model agrees' },
  { key: 'shipped', title: 'Lids + cascade only when ambiguous, closed only if the eye-crop model agrees (shipped)' },
];


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

  const models = readEyeModels();
  const xml = models.cascade;
  let config: EyeStateConfig = DEFAULT_EYE_STATE_CONFIG;
  let calibration: unknown = null;
  const trainMeasured = split ? await measure(xml, config, train) : [];
  if (values.calibrate) {
    if (!split) throw new Error('--calibrate needs the committed split lists of the eyes set');
    const fitted = await calibrate(xml, train, trainMeasured);
    config = fitted.config;
    calibration = fitted.report;
  }

  const measured = await measure(xml, config, test);
  const report = buildReport(measured, config, models.patchModel);
  const loso = split ? leaveOneSourceOut([...trainMeasured, ...measured], new Set(train.map((t) => t.path)), config, readLosoPatchModels(models.patchModel)) : null;
  const clips = (split: ClipSplit, sources: Measured[]) => evaluateUvClips({ dataDir, sources, split, models, config, log: (m) => console.error(m) });
  // train clips: where the gate's settings were chosen; test clips: the reported figures
  const uvClips = values['uv-clips'] && split ? { train: await clips('train', trainMeasured), test: await clips('test', measured) } : null;
  const result = {
    data: dataDir,
    split: split ? 'docs/eyes-splits/test.txt' : 'all images',
    trainImages: train.length,
    calibration,
    config,
    ...report,
    leaveOneSourceOut: loso,
    uvClips,
  };
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
  const always = await createEyeStateDetector({ ...config, cascadeRuns: 'always', cascade: xml, patchModel: readEyeModels().patchModel });
  const shipped = await createEyeStateDetector({ ...config, cascadeRuns: 'when-ambiguous', cascade: xml, patchModel: readEyeModels().patchModel });
  const cascade = parseHaarCascade(xml);
  const patchGeometry = readEyeModels().patchModel.patch;
  const out: Measured[] = [];
  let done = 0;
  for (const it of items) {
    if (++done % 250 === 0) console.error(`  eyes ${done}/${items.length}`);
    if (!it.face) {
      out.push({ ...it, ears: null, logits: null, patches: null, hits: null, eyeWidthPx: null, haarFace: 'uncertain', shipped: null, alwaysState: 'uncertain', alwaysMs: null, shippedMs: null });
      continue;
    }
    const image = await readRgbaImage(join(dataDir, it.path));
    const r = always.run(image, it.face);
    const s = shipped.run(image, it.face);
    const eyeWidth = (e: 'right' | 'left') => (r[e].region ? r[e].region!.width / config.region.sizeInEyeWidths : null);
    const widths = [eyeWidth('right'), eyeWidth('left')].filter((w): w is number => w !== null);
    out.push({
      ...it,
      ears: [r.right.ear, r.left.ear],
      logits: [r.right.closedLogit, r.left.closedLogit],
      patches: [eyePatch(image, it.face, 'right', patchGeometry), eyePatch(image, it.face, 'left', patchGeometry)],
      hits: [r.right.haarHits?.length ?? null, r.left.haarHits?.length ?? null],
      eyeWidthPx: widths.length ? widths.reduce((a, b) => a + b) / widths.length : null,
      haarFace: haarOverFace(cascade, image, it.face),
      shipped: { state: s.state, confidentlyClosed: s.confidentlyClosed, cascadeRan: s.cascadeRan },
      alwaysState: r.state,
      alwaysMs: r.timings.totalMs,
      shippedMs: s.timings.totalMs,
    });
  }
  always.dispose();
  shipped.dispose();
  return out;
}

/** The eye-crop models trained without one source each, stored beside the shipped one by train:eye-patch. */
function readLosoPatchModels(shipped: EyePatchModel): Record<string, EyePatchModel> {
  const file = JSON.parse(readFileSync(resolve(REPO, 'public/models/eyes/eye-patch-model.json'), 'utf8')) as {
    trained?: { leaveOneSourceOut?: Record<string, Partial<Pick<EyePatchModel, 'hidden' | 'weights' | 'bias'>>> };
  };
  const out: Record<string, EyePatchModel> = {};
  for (const [source, m] of Object.entries(file.trained?.leaveOneSourceOut ?? {})) {
    if (m.weights) out[source] = validateEyePatchModel({ patch: shipped.patch, hidden: m.hidden, weights: m.weights, bias: m.bias });
  }
  return out;
}

/** The paper's way: the eye cascade over the (square) face box; open if it finds any eye. */
function haarOverFace(cascade: ReturnType<typeof parseHaarCascade>, image: RgbaImage, face: FaceLandmarks): EyeState {
  const side = Math.round(Math.max(face.box.width, face.box.height));
  const region = { x: Math.round(face.box.x + face.box.width / 2 - side / 2), y: Math.round(face.box.y + face.box.height / 2 - side / 2), width: side, height: side };
  const crop = extractRegion(image, region, FACE_BOX_SIZE);
  const found = detectMultiScale(cascade, crop, { ...DEFAULT_EYE_STATE_CONFIG.haar, minNeighbors: FACE_BOX_MIN_NEIGHBORS });
  return found.length > 0 ? 'open' : 'closed';
}

/** Every method's state of one measured face, from its EARs, hits and eye patches with the given thresholds and eye-crop model. */
function statesOf(m: Measured, config: EyeStateConfig, patchModel: EyePatchModel): Record<Method, EyeState> {
  if (!m.ears || !m.hits || !m.patches) {
    return { haar: 'uncertain', haarFace: 'uncertain', landmarks: 'uncertain', fusedAlways: 'uncertain', appearance: 'uncertain', lidsAndAppearance: 'uncertain', shipped: 'uncertain' };
  }
  const [rh, lh] = m.hits;
  const haar: EyeState = rh === null && lh === null ? 'uncertain' : (rh ?? 0) > 0 || (lh ?? 0) > 0 ? 'open' : 'closed';
  const meanEar = (m.ears[0] + m.ears[1]) / 2;
  const fusedScore = (m.ears[0] + bonus(rh, config.haarBonus) + m.ears[1] + bonus(lh, config.haarBonus)) / 2;
  const lids = stateOf(fusedScore, config.fusedThreshold, config.uncertainMargin);
  const appearanceClosed = (patchLogit(patchModel, m.patches[0]) + patchLogit(patchModel, m.patches[1])) / 2 > config.closedLogitThreshold;
  return {
    haar,
    haarFace: m.haarFace,
    landmarks: meanEar >= config.earThreshold ? 'open' : 'closed',
    fusedAlways: lids,
    appearance: appearanceClosed ? 'closed' : 'open',
    lidsAndAppearance: lids === 'closed' && !appearanceClosed ? 'open' : lids,
    shipped: m.shipped!.state,
  };
}

interface FitRow {
  label: EyeLabel;
  ears: [number, number];
  hits: [number | null, number | null];
}

/**
 * Thresholds from rows measured with one minNeighbors: the EAR threshold (landmarks only, best
 * balanced accuracy), and the Haar bonus, fused threshold and uncertain margin (least mean per-class cost).
 */
function fitThresholds(rows: FitRow[]) {
  const earGrid = range(0.1, 0.4, 0.0025);
  const earThreshold = argmax(earGrid, (t) => balanced(rows.map((r) => ({ truth: r.label, predicted: (r.ears[0] + r.ears[1]) / 2 >= t ? 'open' : 'closed' }))));
  let best: { cost: number; haarBonus: number; fusedThreshold: number; uncertainMargin: number } | null = null;
  for (const haarBonus of range(0, 0.3, 0.005)) {
    const scores = rows.map((r) => ({ truth: r.label, score: (r.ears[0] + bonus(r.hits[0], haarBonus) + r.ears[1] + bonus(r.hits[1], haarBonus)) / 2 }));
    const fusedThreshold = argmax(earGrid, (t) => balanced(scores.map((s) => ({ truth: s.truth, predicted: s.score >= t ? 'open' : 'closed' }))));
    for (const uncertainMargin of range(0, 0.03, 0.0025)) {
      const cost = balancedCost(scores.map((s) => ({ truth: s.truth, predicted: stateOf(s.score, fusedThreshold, uncertainMargin) })));
      if (!best || cost < best.cost - 1e-12) best = { cost, haarBonus, fusedThreshold, uncertainMargin };
    }
  }
  return { earThreshold, ...best! };
}

/** Grid search on the train split: minNeighbors, then fitThresholds; the UV gate's confidence and baseline floors. */
async function calibrate(xml: string, train: Item[], trainMeasured: Measured[]) {
  const withFace = train.filter((it) => it.face);
  let best: { cost: number; config: EyeStateConfig; detail: Record<string, number> } | null = null;
  for (const minNeighbors of [1, 2, 3]) {
    const cfg = { ...DEFAULT_EYE_STATE_CONFIG, haar: { ...DEFAULT_EYE_STATE_CONFIG.haar, minNeighbors } };
    const m = await measure(xml, cfg, withFace);
    const fit = fitThresholds(m.map((x) => ({ label: x.label, ears: x.ears!, hits: x.hits! })));
    if (!best || fit.cost < best.cost - 1e-12) {
      const { cost, ...thresholds } = fit;
      best = { cost, config: { ...cfg, ...thresholds }, detail: { minNeighbors, ...thresholds, trainCostPerImage: cost } };
    }
    log(`  calibrated with minNeighbors ${minNeighbors}: best so far ${JSON.stringify(best.detail)}`);
  }
  const faces = trainMeasured.filter((m) => m.ears);
  const closedMeanEar = faces.filter((m) => m.label === 'closed').map((m) => (m.ears![0] + m.ears![1]) / 2);
  const minBaseline = +quantile(closedMeanEar, MIN_BASELINE_PERCENTILE).toFixed(3);
  return {
    config: best!.config,
    report: { trainImagesWithFace: withFace.length, wrongCost: WRONG_COST, ...best!.detail, minBaselineForSmoothing: minBaseline },
  };
}

/**
 * Leave one source out: thresholds fitted (minNeighbors as configured) on the train-split faces of the
 * other sources, applied to every image of the held-out source. Each source holds one class, so a
 * held-out open source measures open recall on a source the thresholds never saw; closed eyes have a
 * single source (CEW), so holding it out leaves nothing closed to fit on, and closed recall on a new
 * source cannot be measured with this data.
 */
function leaveOneSourceOut(all: Measured[], trainPaths: Set<string>, config: EyeStateConfig, losoModels: Record<string, EyePatchModel>) {
  const sources = [...new Set(all.map((m) => m.source))].sort();
  const out: Record<string, unknown> = {};
  for (const held of sources) {
    const fitRows = all.filter((m) => m.source !== held && trainPaths.has(m.path) && m.ears);
    const classes = new Set(fitRows.map((r) => r.label));
    if (classes.size < 2) {
      out[held] = { fitted: false, reason: `without ${held} no ${['open', 'closed'].find((c) => !classes.has(c as EyeLabel))} images are left to fit on` };
      continue;
    }
    const { cost: _cost, ...thresholds } = fitThresholds(fitRows.map((m) => ({ label: m.label, ears: m.ears!, hits: m.hits! })));
    const fitted: EyeStateConfig = { ...config, ...thresholds };
    const heldRows = all.filter((m) => m.source === held);
    // the eye-crop model trained without this source (npm run train:eye-patch)
    const model = losoModels[held];
    const keys: Method[] = ['haar', 'landmarks', 'fusedAlways', ...(model ? (['appearance', 'lidsAndAppearance'] as Method[]) : [])];
    const perMethod = Object.fromEntries(
      keys.map((key) => {
        const metrics = eyeMetrics(heldRows.map((m) => ({ truth: m.label, predicted: statesOf(m, fitted, model)[key] })));
        const correct = metrics.matrix.open.open + metrics.matrix.closed.closed;
        return [key, { accuracy: metrics.accuracy, n: metrics.n, ci95: wilsonInterval(correct, metrics.n), matrix: metrics.matrix }];
      }),
    );
    out[held] = { fitted: true, fitImages: fitRows.length, thresholds, heldOutImages: heldRows.length, methods: perMethod };
  }
  return out;
}

/** The closure logit floor: the highest value an open-eye clip reached plus the margin, rounded up to 0.5. */
const closureLogitAbove = (highestOpen: number) => Math.ceil(2 * (highestOpen + CLOSURE_LOGIT_MARGIN)) / 2;
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

function withInterval(metrics: EyeMetrics) {
  const correct = metrics.matrix.open.open + metrics.matrix.closed.closed;
  return { ...metrics, accuracyCi95: wilsonInterval(correct, metrics.n) };
}

function buildReport(rows: Measured[], config: EyeStateConfig, patchModel: EyePatchModel) {
  const sources = [...new Set(rows.map((r) => r.source))].sort();
  const withWidth = rows.filter((r) => r.eyeWidthPx !== null);
  const q = (l: EyeLabel, p: number) => quantile(withWidth.filter((r) => r.label === l).map((r) => r.eyeWidthPx!), p);
  const band = [Math.max(q('open', 0.1), q('closed', 0.1)), Math.min(q('open', 0.9), q('closed', 0.9))];
  const inBand = rows.filter((r) => r.eyeWidthPx !== null && r.eyeWidthPx >= band[0] && r.eyeWidthPx <= band[1]);
  const states = new Map(rows.map((r) => [r, statesOf(r, config, patchModel)]));
  const metricsOf = (subset: Measured[], key: Method) => eyeMetrics(subset.map((r) => ({ truth: r.label, predicted: states.get(r)![key] })));
  const methods = Object.fromEntries(
    METHODS.map(({ key }) => {
      const perSource = Object.fromEntries(sources.map((s) => [s, metricsOf(rows.filter((r) => r.source === s), key)]));
      return [
        key,
        {
          all: withInterval(metricsOf(rows, key)),
          withFace: metricsOf(rows.filter((r) => r.face), key),
          perSource,
          /** Every source weighted equally: mean of per-source accuracies (each source holds one class). */
          sourceBalancedAccuracy: sources.reduce((a, s) => a + perSource[s].accuracy, 0) / sources.length,
          eyeSizeMatched: metricsOf(inBand, key),
        },
      ];
    }),
  );
  const faces = rows.filter((r) => r.shipped);
  const ran = faces.filter((r) => r.shipped!.cascadeRan);
  // without its vote the fused rule is the mean EAR against the fused threshold
  const withoutVote = (r: Measured) => stateOf((r.ears![0] + r.ears![1]) / 2, config.fusedThreshold, config.uncertainMargin);
  const changed = ran.filter((r) => r.shipped!.state !== 'uncertain' && r.shipped!.state !== withoutVote(r));
  const correctedByCascade = changed.filter((r) => states.get(r)!.shipped === r.label);
  const disagreeWithAlways = faces.filter((r) => r.shipped!.state !== r.alwaysState);
  const confident = (label: EyeLabel) => {
    const of = faces.filter((r) => r.label === label);
    const k = of.filter((r) => r.shipped!.confidentlyClosed).length;
    return { confidentlyClosed: k, n: of.length, rate: k / Math.max(1, of.length), ci95: wilsonInterval(k, of.length) };
  };
  const ms = (pick: (r: Measured) => number | null) => {
    const v = rows.map(pick).filter((x): x is number => x !== null).sort((a, b) => a - b);
    return { median: quantile(v, 0.5), p95: quantile(v, 0.95), mean: v.reduce((a, b) => a + b, 0) / Math.max(1, v.length) };
  };
  const landmarkMs = [...cachedTimings(dataDir).entries()].filter(([p]) => rows.some((r) => r.path === p)).map(([, v]) => v).sort((a, b) => a - b);
  const always = ms((r) => r.alwaysMs);
  const shipped = ms((r) => r.shippedMs);
  return {
    images: rows.length,
    perClass: { open: rows.filter((r) => r.label === 'open').length, closed: rows.filter((r) => r.label === 'closed').length },
    noFace: Object.fromEntries(sources.map((s) => [s, rows.filter((r) => r.source === s && !r.face).length])),
    eyeSizeBandPx: band.map((v) => +v.toFixed(1)),
    eyeSizeBandImages: inBand.length,
    methods,
    cascade: {
      facesWithLandmarks: faces.length,
      runs: ran.length,
      runRate: ran.length / Math.max(1, faces.length),
      runRateCi95: wilsonInterval(ran.length, faces.length),
      /** Faces whose state the cascade's vote changed (against the landmarks with no vote), and how many of those it got right. */
      changedState: changed.length,
      changedToCorrect: correctedByCascade.length,
      /** Must be 0: outside the ambiguous band the cascade cannot change the fused state. */
      shippedDiffersFromAlways: disagreeWithAlways.length,
      hitRateInBand: {
        open: hitRate(ran.filter((r) => r.label === 'open')),
        closed: hitRate(ran.filter((r) => r.label === 'closed')),
      },
    },
    uvGatePerFrame: { open: confident('open'), closed: confident('closed') },
    timingMs: {
      eyeCheckAlways: always,
      eyeCheckShipped: shipped,
      shippedOverAlwaysMean: shipped.mean / always.mean,
      faceLandmarksFromCache: { median: quantile(landmarkMs, 0.5), p95: quantile(landmarkMs, 0.95) },
    },
  };
}

/** Faces where the cascade fired in at least one eye region. */
function hitRate(rows: Measured[]) {
  const k = rows.filter((r) => r.hits && ((r.hits[0] ?? 0) > 0 || (r.hits[1] ?? 0) > 0)).length;
  return { fired: k, n: rows.length };
}

function quantile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))];
}

type Result = ReturnType<typeof buildReport> & {
  data: string;
  split: string;
  calibration: unknown;
  config: EyeStateConfig;
  trainImages: number;
  leaveOneSourceOut: Record<string, unknown> | null;
  uvClips: Record<ClipSplit, UvClipReport> | null;
};

function printReport(r: Result) {
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  const ci = ([lo, hi]: [number, number]) => `[${pct(lo)}, ${pct(hi)}]`;
  console.log(`Eye-state evaluation on ${r.data} (${r.split}): ${r.images} images (open ${r.perClass.open}, closed ${r.perClass.closed})`);
  if (r.calibration) console.log(`calibrated on ${r.trainImages} train images: ${JSON.stringify(r.calibration)}`);
  console.log(`config: ${JSON.stringify({ ...r.config })}`);
  console.log(`no face found (→ uncertain): ${JSON.stringify(r.noFace)}`);
  for (const { key, title } of METHODS) {
    const m = r.methods[key] as { all: EyeMetrics & { accuracyCi95: [number, number] }; withFace: EyeMetrics; perSource: Record<string, EyeMetrics>; sourceBalancedAccuracy: number; eyeSizeMatched: EyeMetrics };
    const a = m.all;
    console.log(`\n## ${title}`);
    console.log('truth \\ predicted | open | closed | uncertain');
    for (const l of ['open', 'closed'] as EyeLabel[]) console.log(`${l.padEnd(17)} | ${a.matrix[l].open} | ${a.matrix[l].closed} | ${a.matrix[l].uncertain}`);
    console.log(`accuracy ${pct(a.accuracy)} ${ci(a.accuracyCi95)} (n=${a.n}) · balanced ${pct(a.balancedAccuracy)} · F1 open ${a.f1Open.toFixed(3)} · F1 closed ${a.f1Closed.toFixed(3)} · uncertain ${pct(a.uncertainRate)}`);
    console.log(`faces found only (${m.withFace.n}): accuracy ${pct(m.withFace.accuracy)}`);
    console.log(`per source: ${Object.entries(m.perSource).map(([s, v]) => `${s} ${pct(v.accuracy)} (n=${v.n})`).join(' · ')} · source-balanced ${pct(m.sourceBalancedAccuracy)}`);
    console.log(`eye width ${r.eyeSizeBandPx[0]}–${r.eyeSizeBandPx[1]} px only (n=${m.eyeSizeMatched.n}): accuracy ${pct(m.eyeSizeMatched.accuracy)} · balanced ${pct(m.eyeSizeMatched.balancedAccuracy)}`);
  }
  const c = r.cascade;
  console.log(`\n## The cascade in the shipped detector`);
  console.log(`ran on ${c.runs} of ${c.facesWithLandmarks} faces (${pct(c.runRate)} ${ci(c.runRateCi95)}); changed the state of ${c.changedState}, ${c.changedToCorrect} of them to the right answer; shipped ≠ always on ${c.shippedDiffersFromAlways} faces`);
  console.log(`where it ran it fired on ${c.hitRateInBand.open.fired}/${c.hitRateInBand.open.n} open and ${c.hitRateInBand.closed.fired}/${c.hitRateInBand.closed.n} closed faces`);
  const u = r.uvGatePerFrame;
  console.log(`\n## UV gate, per image: "confidently closed" (each eye's logit > ${r.config.closedLogitThreshold}, more open eye's EAR < ${r.config.confidentMaxEar}, face state closed (lids with the cascade's vote))`);
  console.log(`open eyes: ${u.open.confidentlyClosed}/${u.open.n} (${pct(u.open.rate)}, 95% CI ${ci(u.open.ci95)}) · closed eyes: ${u.closed.confidentlyClosed}/${u.closed.n} (${pct(u.closed.rate)})`);
  console.log(`\n## Leave one source out (thresholds fitted on the other sources' train images, applied to all of the held-out source)`);
  for (const [source, v] of Object.entries(r.leaveOneSourceOut ?? {})) {
    const e = v as { fitted: boolean; reason?: string; heldOutImages?: number; methods?: Record<string, { accuracy: number; n: number; ci95: [number, number] }> };
    if (!e.fitted) console.log(`${source}: not measurable — ${e.reason}`);
    else console.log(`${source} (n=${e.heldOutImages}, recall of its one class): ${Object.entries(e.methods!).map(([k, m]) => `${k} ${pct(m.accuracy)} ${ci(m.ci95)}`).join(' · ')}`);
  }
  if (r.uvClips) for (const report of Object.values(r.uvClips)) printUvClips(report, pct, ci);
  const t = r.timingMs;
  console.log(`\nper-face cost (Node, CPU, pure TS; machine shared): eye check with the cascade always: median ${t.eyeCheckAlways.median.toFixed(2)} ms, mean ${t.eyeCheckAlways.mean.toFixed(2)}; shipped: median ${t.eyeCheckShipped.median.toFixed(3)} ms, mean ${t.eyeCheckShipped.mean.toFixed(2)}; shipped ÷ always (means) ${t.shippedOverAlwaysMean.toFixed(3)}; face landmarks (cached, WASM) median ${t.faceLandmarksFromCache.median} ms`);
}

function printUvClips(u: UvClipReport, pct: (v: number) => string, ci: (v: [number, number]) => string) {
  console.log(`\n## UV gate on synthetic ${u.split} clips (${u.framesPerClip} frames at ${u.fps} fps; pose, light and compression per clip, jittered per frame; eye gate alone, classifier assumed good)`);
  const when = (s: number | null) => (s === null ? '' : `, median ${s.toFixed(1)} s to ready`);
  const reached = u.highestOpenClosureLogit;
  console.log(
    reached === null
      ? 'no open-eye clip reached a closure even without the logit margin'
      : `highest closure logit an open-eye clip reached without the margin: ${reached.toFixed(2)} (closureLogit ${EYE_SMOOTHING.closureLogit}; from these clips with the margin: ${closureLogitAbove(reached)})`,
  );
  for (const g of u.groups) {
    console.log(
      `${g.name} (n=${g.clips}): ${g.truth === 'open' ? 'FALSE ready' : 'ready'} shipped ${g.shipped.ready}/${g.clips} (${pct(g.shipped.rate)}, 95% CI ${ci(g.shipped.ci95)}${when(g.shipped.medianSecondsToReady)}; ${g.shipped.readyInShortWindow} within 2.4 s) · frame state held 300 ms (no closure margin) ${g.before.ready}/${g.clips} (${pct(g.before.rate)}, 95% CI ${ci(g.before.ci95)}; ${g.before.readyInShortWindow} within 2.4 s)`,
    );
  }
  const blockers = u.closedNotReady.reduce<Record<string, number>>((n, c) => ({ ...n, [c.blocker]: (n[c.blocker] ?? 0) + 1 }), {});
  console.log(`closed clips not ready, by the check that held them back: ${JSON.stringify(blockers)}`);
  for (const c of u.closedNotReady) console.log(`  ${c.path}: ${c.blocker}`);
  const b = u.blinks;
  console.log(`open clips with ${b.blinkFrames} blink frames each (observation level): FALSE ready ${b.ready}/${b.clips} (95% CI ${ci(b.ci95)})`);
  const o = u.eyesOpenAfterClosure;
  console.log(`closed clip that became ready, then narrow-eyed open frames (observation level): ${o.stillClosedAfterOpening}/${o.sequences} sequences still report "closed" after the eyes open, worst ${o.worstMs} ms, ${o.totalMs} ms in all`);
}

await main();
