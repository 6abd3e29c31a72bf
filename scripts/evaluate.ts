/**
 * npm run evaluate [-- --check] [--json] [--data DIR]
 *
 * Default: the committed classifier (public/models/classifier) and the simple-CNN baseline on the
 * held-out test split of ../shared/datasets/face-quality, in the paper's Table 1 layout, plus
 * confusion matrices (text + PNG), real-blur recall, per-source recall and calibration (ECE +
 * reliability diagram PNG, in docs/). --check fails if the figures differ from metrics.json by
 * more than 0.01. --data DIR evaluates every image of a folder-per-class directory instead.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import '@tensorflow/tfjs-backend-wasm';
import { CLASS_NAMES } from '../src/model/classifier/constants';
import { loadLandmarks } from './lib/landmark-cache';
import { useNodeBackend } from './lib/tf-node-backend';
import { listDataset } from './lib/classifier/dataset';
import { evaluateTestSplit, type TestMetrics } from './lib/classifier/evaluation';
import type { CropPolicy } from './lib/classifier/features';
import { classificationReport } from './lib/classifier/metrics';
import { confusionPng, reliabilityPng } from './lib/classifier/metric-png';
import { paintOccluder } from './lib/classifier/occluders';
import { DOCS_DIR, METRICS_FILE, MODEL_DIR, REAL_BLUR_DIR } from './lib/classifier/paths';
import { predictSamples } from './lib/classifier/predict-samples';
import { confusionText, table1 } from './lib/classifier/report-format';
import type { SampleSpec } from './lib/classifier/samples';
import { loadBaselineCnn, loadShippedClassifier } from './lib/classifier/shipped-model';
import { argmax } from './lib/classifier/evaluation';
import { readFusionFile, FUSION_FILE } from './lib/fusion/fusion-file';
import { fusedFigures } from './lib/fusion/fused-evaluation';
import { fusedText } from './lib/fusion/fused-report';
import { heldOutSamples } from './lib/fusion/held-out-samples';

const CHECK_TOLERANCE = 0.01;
const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    check: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    model: { type: 'string', default: MODEL_DIR },
    'crop-study': { type: 'boolean', default: false },
  },
});
const say = (text: string) => {
  if (!args.json) console.log(text);
};

/** Every image of a folder-per-class directory, end to end through the committed model. */
async function evaluateFolder(dir: string) {
  const { model, config } = await loadShippedClassifier(args.model);
  const root = resolve(dir);
  const { items, unknownFolders } = listDataset(root);
  if (unknownFolders.length) console.error(`not evaluated (folder name is not a class: ${CLASS_NAMES.join(', ')}): ${unknownFolders.join(', ')}`);
  if (items.length === 0) throw new Error(`no images in class folders under ${root}`);
  const landmarks = await loadLandmarks(root);
  const specs: SampleSpec[] = items.map((it) => ({ relPath: it.relPath, split: 'test', label: it.label, baseLabel: it.label, source: it.source }));
  const p = await predictSamples(specs, model, undefined, { root, preprocess: config, crop: 'face', landmarks });
  const truth = specs.map((s) => CLASS_NAMES.indexOf(s.label));
  const report = classificationReport(truth, p.model.map(argmax), [...CLASS_NAMES]);
  if (args.json) console.log(JSON.stringify({ data: root, unknownFolders, ...report }));
  else {
    say(table1({ FaceReady: report }));
    say(`\nconfusion (rows true, columns predicted):\n${confusionText(report)}`);
  }
}

function compare(label: string, now: number, then: number, failures: string[]) {
  if (Math.abs(now - then) > CHECK_TOLERANCE) failures.push(`${label}: ${now.toFixed(4)} now vs ${then.toFixed(4)} in ${METRICS_FILE}`);
}

async function evaluateTest() {
  const { model, config } = await loadShippedClassifier(args.model);
  const recorded = JSON.parse(readFileSync(join(args.model!, METRICS_FILE), 'utf8'));
  const held = await heldOutSamples();
  const { root, landmarks, test } = held;
  const crop: CropPolicy = recorded.cropPolicy;
  const baseline = await loadBaselineCnn();
  const realBlurRoot = resolve(REAL_BLUR_DIR);
  const realBlurLandmarks = landmarks && existsSync(realBlurRoot) ? await loadLandmarks(realBlurRoot) : undefined;
  const m: TestMetrics = await evaluateTestSplit(test, model, baseline, { root, config, crop, landmarks, paintOccluder, realBlur: { root: realBlurRoot, landmarks: realBlurLandmarks } });
  const fusion = readFusionFile(args.model!);
  const fused = await fusedFigures(model, config, fusion.config, held, { root: realBlurRoot, landmarks: realBlurLandmarks });

  if (args['crop-study']) {
    // the same test samples through the same model, cropped on the detector's face box vs the whole frame
    const frame = await evaluateTestSplit(test, model, undefined, { root, config, crop: 'frame', landmarks, paintOccluder });
    say(`crop study (test split): face-box crop macro-F1 ${m.model.macro.f1.toFixed(4)} acc ${m.model.accuracy.toFixed(4)}; whole frame macro-F1 ${frame.model.macro.f1.toFixed(4)} acc ${frame.model.accuracy.toFixed(4)}`);
    for (const [source, r] of Object.entries(frame.perSourceRecall)) say(`  ${source}: face ${m.perSourceRecall[source].recall.toFixed(3)} / frame ${r.recall.toFixed(3)}`);
  }
  if (args.json) console.log(JSON.stringify({ ...m, fused }));
  say(`Held-out test split: ${test.length} samples (${new Set(test.map((s) => s.relPath)).size} photos; blur, and occluders where drawn, synthesised), model ${config.backbone} v${config.version}\n`);
  say(table1(m.baseline ? { 'simple CNN': m.baseline, FaceReady: m.model } : { FaceReady: m.model }));
  say(`\nFaceReady confusion (rows true, columns predicted):\n${confusionText(m.model)}`);
  if (m.baseline) say(`\nsimple CNN confusion:\n${confusionText(m.baseline)}`);
  if (m.realBlur) say(`\nreal blurry photos (face-quality-eval/blur, never trained on): recall ${m.realBlur.recall.toFixed(3)} (n ${m.realBlur.n}; predicted ${JSON.stringify(m.realBlur.predicted)})`);
  say(`per-source recall: ${Object.entries(m.perSourceRecall).map(([s, r]) => `${s} ${r.recall.toFixed(3)} (n ${r.n})`).join(', ')}`);
  say(`calibration: ECE ${m.calibration.ece.toFixed(4)}; uncertain below ${m.selective.threshold.toFixed(3)}: coverage ${m.selective.coverage.toFixed(3)}, accuracy when confident ${m.selective.accuracy.toFixed(3)}`);
  say(fusedText(fused, fusion.config));
  const loso = recorded.leaveOneSourceOut as Record<string, { n: number; inSourceAccuracy: number; losoAccuracy: number }>;
  if (loso) say(`\nleave-one-source-out (from ${METRICS_FILE}, val+test samples of each source):\n${Object.entries(loso).map(([s, r]) => `  ${s.padEnd(14)} in-source acc ${r.inSourceAccuracy.toFixed(3)}  LOSO acc ${r.losoAccuracy.toFixed(3)}  (n ${r.n})`).join('\n')}`);

  if (!args.check) {
    mkdirSync(DOCS_DIR, { recursive: true });
    confusionPng(m.model, 'FACEREADY TEST', join(DOCS_DIR, 'classifier-confusion.png'));
    if (m.baseline) confusionPng(m.baseline, 'SIMPLE CNN TEST', join(DOCS_DIR, 'classifier-confusion-baseline.png'));
    reliabilityPng(m.calibration.bins, m.calibration.ece, 'TEST', join(DOCS_DIR, 'classifier-reliability.png'));
    say(`\nwrote ${DOCS_DIR}/classifier-confusion.png${m.baseline ? ', classifier-confusion-baseline.png' : ''}, classifier-reliability.png`);
    return;
  }
  const failures: string[] = [];
  const then: TestMetrics = recorded.test;
  compare('accuracy', m.model.accuracy, then.model.accuracy, failures);
  compare('macro F1', m.model.macro.f1, then.model.macro.f1, failures);
  compare('ECE', m.calibration.ece, then.calibration.ece, failures);
  for (const c of CLASS_NAMES) compare(`${c} F1`, m.model.perClass[c].f1, then.model.perClass[c].f1, failures);
  if (m.realBlur && then.realBlur) compare('real-blur recall', m.realBlur.recall, then.realBlur.recall, failures);
  const fusedThen = fusion.heldOut;
  if (!fusedThen) failures.push(`${FUSION_FILE} has no held-out figures: run npm run fit-fusion`);
  else {
    compare('fused macro F1', fused.macroF1, fusedThen.macroF1, failures);
    if (fused.realBlur && fusedThen.realBlurRecall !== undefined) compare('fused real-blur recall', fused.realBlur.recall, fusedThen.realBlurRecall, failures);
  }
  if (failures.length) {
    console.error(`--check FAILED (tolerance ${CHECK_TOLERANCE}):\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.error(`--check passed: test figures match ${METRICS_FILE} and ${FUSION_FILE} within ${CHECK_TOLERANCE}`);
}

async function main() {
  await useNodeBackend('wasm');
  if (args.data) await evaluateFolder(args.data);
  else await evaluateTest();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
