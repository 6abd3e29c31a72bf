/**
 * The held-out evaluation both `npm run train` (to write metrics.json) and `npm run evaluate`
 * (to print and --check it) run: test split end to end, baseline, real blur, per source, calibration.
 */
import { existsSync, readdirSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { CLASS_NAMES } from '../../../src/model/classifier/constants';
import type { ClassifierConfig } from '../../../src/model/classifier/constants';
import type { FaceLandmarks } from '../../../src/model/face/types';
import type { CropPolicy } from './features';
import { classificationReport, reliability, type ClassificationReport, type ReliabilityBin } from './metrics';
import { predictSamples } from './predict-samples';
import type { OccluderPainter } from './render-sample';
import type { SampleSpec } from './samples';
import { argmax } from '../../../src/stats';

export interface TestMetrics {
  model: ClassificationReport;
  baseline?: ClassificationReport;
  calibration: { ece: number; bins: ReliabilityBin[] };
  /** Fraction of confident (not "uncertain") test predictions, and their accuracy. */
  selective: { threshold: number; coverage: number; accuracy: number };
  /** Accuracy (= recall of the true label) per source tag on the test samples. */
  perSourceRecall: Record<string, { recall: number; n: number }>;
  realBlur?: { recall: number; n: number; predicted: Record<string, number> };
}


export interface EvaluateOptions {
  root: string;
  config: ClassifierConfig;
  crop: CropPolicy;
  landmarks?: Map<string, FaceLandmarks[]>;
  paintOccluder?: OccluderPainter;
  realBlur?: { root: string; landmarks?: Map<string, FaceLandmarks[]> };
}

export async function evaluateTestSplit(test: readonly SampleSpec[], model: tf.LayersModel, baseline: tf.LayersModel | undefined, opts: EvaluateOptions): Promise<TestMetrics> {
  const classes = [...CLASS_NAMES];
  const truth = test.map((s) => classes.indexOf(s.label));
  const p = await predictSamples(test, model, baseline, { root: opts.root, preprocess: opts.config, crop: opts.crop, landmarks: opts.landmarks, paintOccluder: opts.paintOccluder });
  const predicted = p.model.map(argmax);
  const confidence = p.model.map((row) => Math.max(...row));
  const correct = predicted.map((c, i) => c === truth[i]);
  const kept = confidence.map((c) => c >= opts.config.uncertaintyThreshold);
  const keptCorrect = correct.filter((ok, i) => ok && kept[i]).length;
  const keptCount = kept.filter(Boolean).length;
  const perSource: Record<string, { recall: number; n: number }> = {};
  test.forEach((s, i) => {
    const r = (perSource[s.source] ??= { recall: 0, n: 0 });
    r.n++;
    r.recall += correct[i] ? 1 : 0;
  });
  for (const r of Object.values(perSource)) r.recall /= r.n;
  const metrics: TestMetrics = {
    model: classificationReport(truth, predicted, classes),
    baseline: p.baseline ? classificationReport(truth, p.baseline.map(argmax), classes) : undefined,
    calibration: reliability(confidence, correct),
    selective: { threshold: opts.config.uncertaintyThreshold, coverage: keptCount / test.length, accuracy: keptCount ? keptCorrect / keptCount : 0 },
    perSourceRecall: perSource,
  };
  if (opts.realBlur && existsSync(opts.realBlur.root)) {
    const files = readdirSync(opts.realBlur.root).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort();
    const specs: SampleSpec[] = files.map((f) => ({ relPath: f, split: 'test', label: 'blur', baseLabel: 'blur', source: 'realblur' }));
    const q = await predictSamples(specs, model, undefined, { root: opts.realBlur.root, preprocess: opts.config, crop: opts.crop, landmarks: opts.realBlur.landmarks });
    const predictedNames = q.model.map((row) => classes[argmax(row)]);
    const counts: Record<string, number> = {};
    for (const c of predictedNames) counts[c] = (counts[c] ?? 0) + 1;
    metrics.realBlur = { recall: (counts.blur ?? 0) / files.length, n: files.length, predicted: counts };
  }
  return metrics;
}
