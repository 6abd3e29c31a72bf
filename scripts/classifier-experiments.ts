/**
 * npm run classifier-experiments [-- --taps | --pooled | --extract] [--sizes 160,224] [--only NAME,...]
 *
 * Validation experiments for the classifier (never the test split): caches the activations below the
 * top blocks (see top-block-cache.ts) and compares heads / fine-tuned top blocks / input sizes on the
 * validation samples. Prints one line per experiment; docs/classifier-experiments.md records them.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { DEFAULT_PREPROCESS_CONFIG } from '../src/model/classifier/constants';
import { MOBILENET_V1_BACKBONE_ID, MOBILENET_V1_LAST_CONV } from './lib/classifier/mobilenet-v1';
import { featureBackbone, lastConvAverage, MOBILENET_V1_TAPS, type FeatureTaps } from './lib/classifier/feature-taps';
import { loadLandmarks } from './lib/landmark-cache';
import { useNodeBackend } from './lib/tf-node-backend';
import { loadMobileNetV1 } from './lib/classifier/backbone-weights';
import { listDataset } from './lib/classifier/dataset';
import { loadOrCreateSplits } from './lib/classifier/dataset-splits';
import { occluderPlanner, paintOccluder } from './lib/classifier/occluders';
import { DEFAULT_DATA_DIR, DEFAULT_SPLITS_DIR } from './lib/classifier/paths';
import { DEFAULT_SAMPLE_PLAN, planSamples, type SampleSpec } from './lib/classifier/samples';
import type { FaceLandmarks } from '../src/model/face/types';
import { cutBackbone, extractCutActivations, type CutActivations } from './lib/classifier/top-block-cache';
import { CLASS_NAMES } from '../src/model/classifier/constants';
import { argmax } from '../src/stats';
import { extractFeatures } from './lib/classifier/features';
import { FEATURE_CACHE_DIR } from './lib/classifier/paths';
import { CHOSEN_HEAD_TRAINING, columnStatistics, gatherRows, headLogits, trainHead } from './lib/classifier/head';
import { classificationReport } from './lib/classifier/metrics';
import { DEFAULT_TOP_BLOCK_TRAINING, frozenStage, topBlockFeatures, topBlockParams, trainTopBlock, type FrozenStage, type TopBlockTraining } from './lib/classifier/top-block';

/** Validation experiments: name → input size + training recipe (changes from DEFAULT_TOP_BLOCK_TRAINING). */
const EXPERIMENTS: Record<string, { size: number; recipe: Partial<TopBlockTraining> }> = {
  'linear-160': { size: 160, recipe: { depth: 'head', epochs: 60, labelSmoothing: 0 } },
  'linear-ls-160': { size: 160, recipe: { depth: 'head', epochs: 60 } },
  'mlp-160': { size: 160, recipe: { depth: 'head', epochs: 60, hidden: 256, dropout: 0.5, headLearningRate: 1e-3 } },
  'gapmax-160': { size: 160, recipe: { depth: 'head', epochs: 60, pooling: 'gapmax' } },
  'spatial32-160': { size: 160, recipe: { depth: 'head', epochs: 40, pooling: 'spatial', hidden: 32, dropout: 0.3, headLearningRate: 1e-3 } },
  'spatial64-160': { size: 160, recipe: { depth: 'head', epochs: 40, pooling: 'spatial', hidden: 64, dropout: 0.3, headLearningRate: 1e-3 } },
  'pw13-160': { size: 160, recipe: { depth: 'pw13', epochs: 6 } },
  'top2-160': { size: 160, recipe: { depth: 'top2', epochs: 6 } },
};

const { values: args } = parseArgs({
  options: {
    extract: { type: 'boolean', default: false },
    /** Head experiments on the pooled features cached by npm run train (no rendering). */
    pooled: { type: 'boolean', default: false },
    /** Which backbone layers the head reads (TAP_EXPERIMENTS), all from one extraction of every candidate. */
    taps: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '160' },
    /** Comma-separated experiment names (see EXPERIMENTS); default all. */
    only: { type: 'string' },
    /** Landmark cache folder (default .cache/landmarks). */
    'landmark-cache': { type: 'string' },
  },
});
const t0 = performance.now();
const log = (msg: string) => console.error(`[exp ${((performance.now() - t0) / 1000).toFixed(0)}s] ${msg}`);

async function main() {
  await useNodeBackend('wasm');
  const root = resolve(DEFAULT_DATA_DIR);
  const { items: allItems } = listDataset(root);
  const split = await loadOrCreateSplits(root, allItems, DEFAULT_SPLITS_DIR);
  const items = allItems.filter((_, i) => split.splits[i]);
  const landmarks = await loadLandmarks(root, { cacheDir: args['landmark-cache'] });
  // the test split is never looked at here
  const samples = planSamples(items, split.splits.filter(Boolean), DEFAULT_SAMPLE_PLAN, occluderPlanner(landmarks)).filter((s) => s.split !== 'test');
  log(`${samples.length} train + val samples`);
  if (args.pooled) return pooledExperiments(samples, root, landmarks);
  if (args.taps) return tapExperiments(samples, root, landmarks);
  const sizes = args.sizes!.split(',').map(Number);
  const models = new Map(sizes.map((s) => [s, cutBackbone(loadMobileNetV1(s))]));
  const acts = await extractCutActivations(samples, models, DEFAULT_PREPROCESS_CONFIG, { root, crop: 'face', landmarks, paintOccluder, backboneId: MOBILENET_V1_BACKBONE_ID, log });
  for (const [s, a] of acts) log(`${s} px: ${a.side}×${a.side}×${a.channels} per sample`);
  if (args.extract) return;

  const { classes, labels, trainRows, valRows } = labelledRows(samples);
  const valTruth = valRows.map((r) => labels[r]);
  const f1 = (logits: number[][]) => classificationReport(valTruth, logits.map(argmax), classes);

  // the cut + frozen top must reproduce the pooled features cached by npm run train (same samples, same pixels)
  if (acts.has(160)) {
    const v1 = loadMobileNetV1(160);
    const table = await extractFeatures(samples, featureBackbone(MOBILENET_V1_BACKBONE_ID, v1, lastConvAverage(MOBILENET_V1_LAST_CONV)), { root, cacheDir: FEATURE_CACHE_DIR, preprocess: { ...DEFAULT_PREPROCESS_CONFIG, inputSize: 160 }, crop: 'face', landmarks, paintOccluder, log });
    const a = acts.get(160)!;
    const rows = valRows.slice(0, 64);
    const per = a.side * a.side * a.channels;
    const p = topBlockParams(v1);
    const diff = tf.tidy(() => {
      const x = tf.tensor4d(Float32Array.from(rows.flatMap((r) => Array.from(a.data.subarray(r * per, (r + 1) * per)))), [rows.length, a.side, a.side, a.channels]);
      const ref = tf.tensor2d(Float32Array.from(rows.flatMap((r) => Array.from(table.features.subarray(r * 1024, (r + 1) * 1024)))), [rows.length, 1024]);
      return tf.max(tf.abs(tf.sub(topBlockFeatures(x, p), ref))).dataSync()[0];
    });
    log(`check: pooled features from the cut vs the feature cache, max |diff| ${diff.toExponential(2)} (64 val samples)`);
  }

  const names = args.only ? args.only.split(',') : Object.keys(EXPERIMENTS);
  const stages = new Map<string, { train: FrozenStage; eval: FrozenStage }>();
  for (const name of names) {
    const e = EXPERIMENTS[name];
    const a: CutActivations | undefined = acts.get(e.size);
    if (!a) throw new Error(`no ${e.size} px activations (use --sizes)`);
    const recipe = { ...DEFAULT_TOP_BLOCK_TRAINING, ...e.recipe };
    const backbone = loadMobileNetV1(e.size);
    const curve: string[] = [];
    const stageKey = `${e.size}/${recipe.depth}`;
    if (!stages.has(stageKey) && recipe.depth !== 'top2') {
      const p = topBlockParams(backbone);
      stages.set(stageKey, { train: frozenStage(a, trainRows, p, recipe.depth), eval: frozenStage(a, valRows, p, recipe.depth) });
      tf.dispose(Object.values(p));
      log(`frozen stage ${stageKey} computed`);
    }
    const t = await trainTopBlock(backbone, a, labels, trainRows, valRows, classes.length, recipe, (epoch, z) => {
      if (recipe.depth !== 'head' || (epoch + 1) % 10 === 0 || epoch < 3) {
        curve.push(`${epoch + 1}:${f1(z).macro.f1.toFixed(3)}`);
        log(`  ${name} epoch ${epoch + 1}: val macro-F1 ${curve.at(-1)!.split(':')[1]}`);
      }
    }, stages.get(stageKey));
    const r = f1(t.evalLogits);
    log(`EXP ${name}: val macro-F1 ${r.macro.f1.toFixed(4)} acc ${r.accuracy.toFixed(4)} per-class ${classes.map((c) => r.perClass[c].f1.toFixed(2)).join('/')} (${t.seconds.toFixed(0)} s) recipe ${JSON.stringify(recipe)} curve ${curve.join(' ')}`);
    tf.dispose([...Object.values(t.params), ...t.headWeights]);
    backbone.dispose();
  }
}

/** Pooled 1024-d (v1) features as a 1×1 "map", so the same trainer runs head-only recipes on them. */
const FULL = { batchSize: 1 << 30, dropout: 0 };
const POOLED_EXPERIMENTS: Record<string, Partial<TopBlockTraining> & { standardize?: boolean; seeds?: number }> = {
  'p-linear': { epochs: 60, labelSmoothing: 0 },
  'p-full-linear': { ...FULL, epochs: 400, headLearningRate: 1e-2, labelSmoothing: 0 },
  'p-full-linear-std': { ...FULL, epochs: 400, headLearningRate: 1e-2, labelSmoothing: 0, standardize: true },
  'p-full-linear-std-ls': { ...FULL, epochs: 400, headLearningRate: 1e-2, standardize: true },
  'p-full-linear-std-wd': { ...FULL, epochs: 400, headLearningRate: 1e-2, labelSmoothing: 0, standardize: true, weightDecay: 1e-3 },
  'p-full-mlp256-std': { ...FULL, epochs: 300, headLearningRate: 3e-3, hidden: 256, dropout: 0.5, labelSmoothing: 0.1, standardize: true },
  'p-full-mlp512-std-wd': { ...FULL, epochs: 300, headLearningRate: 3e-3, hidden: 512, dropout: 0.5, labelSmoothing: 0.1, standardize: true, weightDecay: 1e-4 },
};

async function pooledExperiments(samples: SampleSpec[], root: string, landmarks: Map<string, FaceLandmarks[]>) {
  const { classes, labels, trainRows, valRows } = labelledRows(samples);
  const valTruth = valRows.map((r) => labels[r]);
  const report = (logits: number[][]) => classificationReport(valTruth, logits.map(argmax), classes);
  const table = await extractFeatures(samples, featureBackbone(MOBILENET_V1_BACKBONE_ID, loadMobileNetV1(160), lastConvAverage(MOBILENET_V1_LAST_CONV)), { root, cacheDir: FEATURE_CACHE_DIR, preprocess: { ...DEFAULT_PREPROCESS_CONFIG, inputSize: 160 }, crop: 'face', landmarks, paintOccluder, log });
  const dim = table.dim;
  const { mean, std } = columnStatistics(gatherRows(table.features, dim, trainRows), dim);
  const standardized = table.features.map((v, i) => (v - mean[i % dim]) / std[i % dim]);
  const backbone = loadMobileNetV1(160);
  const names = args.only ? args.only.split(',') : Object.keys(POOLED_EXPERIMENTS);
  for (const name of names) {
    const { standardize, seeds = 1, ...rest } = POOLED_EXPERIMENTS[name];
    const recipe: TopBlockTraining = { ...DEFAULT_TOP_BLOCK_TRAINING, ...rest, depth: 'head' };
    const data = standardize ? standardized : table.features;
    const acts: CutActivations = { side: 1, channels: dim, data };
    const stage = (rows: number[]) => ({ data: gatherRows(data, dim, rows), shape: [1, 1, dim] });
    const stages = { train: stage(trainRows), eval: stage(valRows) };
    let sum: number[][] | undefined;
    const started = performance.now();
    for (let k = 0; k < seeds; k++) {
      const t = await trainTopBlock(backbone, acts, labels, trainRows, valRows, classes.length, { ...recipe, seed: recipe.seed + k }, undefined, stages);
      sum = sum ? sum.map((row, i) => row.map((v, j) => v + t.evalLogits[i][j])) : t.evalLogits;
      tf.dispose([...Object.values(t.params), ...t.headWeights]);
    }
    const r = report(sum!);
    log(`EXP ${name}: val macro-F1 ${r.macro.f1.toFixed(4)} acc ${r.accuracy.toFixed(4)} per-class ${classes.map((c) => r.perClass[c].f1.toFixed(2)).join('/')} (${((performance.now() - started) / 1000).toFixed(0)} s) recipe ${JSON.stringify({ ...recipe, standardize, seeds })}`);
  }
}

/** Every candidate layer of MobileNet v1 (strides 8 to 32), average and max pooled: one extraction serves all tap experiments. */
const CANDIDATE_TAPS: FeatureTaps = { layers: ['conv_pw_3', 'conv_pw_5', 'conv_pw_7', 'conv_pw_9', 'conv_pw_11', 'conv_dw_12', 'conv_pw_13'], pooling: ['avg', 'max'] };
const TAP_EXPERIMENTS: Record<string, FeatureTaps> = {
  'pw13-avg': lastConvAverage('conv_pw_13'),
  'dw12-avg': lastConvAverage('conv_dw_12'),
  'pw11-avg': lastConvAverage('conv_pw_11'),
  'pw9-avgmax': { layers: ['conv_pw_9'], pooling: ['avg', 'max'] },
  'pw7-avg': lastConvAverage('conv_pw_7'),
  'pw7-avgmax': { layers: ['conv_pw_7'], pooling: ['avg', 'max'] },
  'pw5+pw7-avgmax': { layers: ['conv_pw_5', 'conv_pw_7'], pooling: ['avg', 'max'] },
  'pw7+pw9-avg': { layers: ['conv_pw_7', 'conv_pw_9'], pooling: ['avg'] },
  'pw7+pw9-avgmax': MOBILENET_V1_TAPS,
  'pw7..dw12-avgmax': { layers: ['conv_pw_7', 'conv_pw_9', 'conv_pw_11', 'conv_dw_12'], pooling: ['avg', 'max'] },
  'pw3+pw5+pw7-avgmax': { layers: ['conv_pw_3', 'conv_pw_5', 'conv_pw_7'], pooling: ['avg', 'max'] },
};

/** Columns of `subset` inside features pooled with `all` (layer by layer, pooling by pooling). */
function tapColumns(backbone: tf.LayersModel, all: FeatureTaps, subset: FeatureTaps): number[] {
  const columns: number[] = [];
  let offset = 0;
  for (const layer of all.layers) {
    const channels = (backbone.getLayer(layer).outputShape as number[]).at(-1)!;
    for (const pooling of all.pooling) {
      if (subset.layers.includes(layer) && subset.pooling.includes(pooling)) for (let c = 0; c < channels; c++) columns.push(offset + c);
      offset += channels;
    }
  }
  return columns;
}

async function tapExperiments(samples: SampleSpec[], root: string, landmarks: Map<string, FaceLandmarks[]>) {
  const { classes, labels, trainRows, valRows } = labelledRows(samples);
  const backbone = loadMobileNetV1(160);
  const table = await extractFeatures(samples, featureBackbone(MOBILENET_V1_BACKBONE_ID, backbone, CANDIDATE_TAPS), { root, cacheDir: FEATURE_CACHE_DIR, preprocess: { ...DEFAULT_PREPROCESS_CONFIG, inputSize: 160 }, crop: 'face', landmarks, paintOccluder, log });
  const names = args.only ? args.only.split(',') : Object.keys(TAP_EXPERIMENTS);
  for (const name of names) {
    const columns = tapColumns(backbone, CANDIDATE_TAPS, TAP_EXPERIMENTS[name]);
    const pick = (rows: number[]) => Float32Array.from(rows.flatMap((r) => columns.map((c) => table.features[r * table.dim + c])));
    const started = performance.now();
    const head = await trainHead(pick(trainRows), columns.length, trainRows.map((r) => labels[r]), classes.length, CHOSEN_HEAD_TRAINING);
    const r = classificationReport(valRows.map((row) => labels[row]), headLogits(head, pick(valRows), columns.length).map(argmax), classes);
    head.dispose();
    log(`EXP ${name}: ${columns.length} features, val macro-F1 ${r.macro.f1.toFixed(4)} acc ${r.accuracy.toFixed(4)} per-class ${classes.map((c) => r.perClass[c].f1.toFixed(2)).join('/')} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
}

/** Class indices of the samples and their training / validation rows. */
function labelledRows(samples: readonly SampleSpec[]) {
  const classes = [...CLASS_NAMES];
  return {
    classes,
    labels: samples.map((s) => classes.indexOf(s.label)),
    trainRows: samples.flatMap((s, i) => (s.split === 'train' ? [i] : [])),
    valRows: samples.flatMap((s, i) => (s.split === 'val' ? [i] : [])),
  };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
