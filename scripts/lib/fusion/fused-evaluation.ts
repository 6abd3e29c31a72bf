/**
 * The fused verdict's held-out figures, shared by `npm run fit-fusion` (which records them in
 * fusion.json for --check) and `npm run evaluate` (which prints and checks them): the test split in the
 * Table-1 layout, the real blurry photos, leave-one-source-out of the thresholds, and how often the
 * verdict on a defective photo is "uncertain".
 */
import { existsSync, readdirSync } from 'node:fs';
import type * as tf from '@tensorflow/tfjs';
import { CLASS_NAMES, type ClassifierConfig } from '../../../src/model/classifier/constants';
import type { FaceLandmarks } from '../../../src/model/face/types';
import { DEFAULT_FUSION_CONFIG, type FusionConfig } from '../../../src/model/fusion/fusion-config';
import { argmax } from '../classifier/evaluation';
import type { ClassificationReport } from '../classifier/metrics';
import { paintOccluder } from '../classifier/occluders';
import type { SampleSpec } from '../classifier/samples';
import { classifierReport, fusedOutcomes, fusedReport, leaveOneSourceOut, type SourceComparison } from './fit-fusion';
import type { HeldOutSamples } from './held-out-samples';
import { sampleEvidence } from './sample-evidence';

export interface FusedFigures {
  macroF1: number;
  classifierMacroF1: number;
  report: ClassificationReport;
  classifier: ClassificationReport;
  realBlur?: { n: number; recall: number; classifierRecall: number; predicted: Record<string, number> };
  leaveOneSourceOut: Record<string, SourceComparison>;
  /** Among test samples that are not `good`: how many verdicts are "uncertain", classifier vs fused. */
  uncertainOnDefective: { n: number; classifier: number; fused: number };
  /** Fraction of test verdicts decided by a measure rather than the classifier. */
  decidedByMeasure: number;
}

export async function fusedFigures(model: tf.LayersModel, config: ClassifierConfig, fusion: FusionConfig, held: HeldOutSamples, realBlur?: { root: string; landmarks?: Map<string, FaceLandmarks[]> }): Promise<FusedFigures> {
  const opts = { root: held.root, config, landmarks: held.landmarks, paintOccluder };
  const val = await sampleEvidence(held.val, model, opts);
  const test = await sampleEvidence(held.test, model, opts);
  const threshold = config.uncertaintyThreshold;
  const outcomes = fusedOutcomes(test, fusion, threshold);
  const defective = test.map((r, i) => ({ r, o: outcomes[i] })).filter(({ r }) => r.spec.label !== 'good');
  const figures: FusedFigures = {
    macroF1: fusedReport(test, fusion, threshold).macro.f1,
    classifierMacroF1: classifierReport(test).macro.f1,
    report: fusedReport(test, fusion, threshold),
    classifier: classifierReport(test),
    leaveOneSourceOut: leaveOneSourceOut(val, [...val, ...test], DEFAULT_FUSION_CONFIG, threshold),
    uncertainOnDefective: {
      n: defective.length,
      classifier: defective.filter(({ r }) => Math.max(...r.probabilities) < threshold).length / defective.length,
      fused: defective.filter(({ o }) => o.uncertain).length / defective.length,
    },
    decidedByMeasure: outcomes.filter((o) => o.byMeasure).length / outcomes.length,
  };
  if (realBlur?.landmarks && existsSync(realBlur.root)) {
    const files = readdirSync(realBlur.root).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort();
    const specs: SampleSpec[] = files.map((f) => ({ relPath: f, split: 'test', label: 'blur', baseLabel: 'blur', source: 'realblur' }));
    const rows = await sampleEvidence(specs, model, { root: realBlur.root, config, landmarks: realBlur.landmarks });
    const labels = fusedOutcomes(rows, fusion, threshold).map((o) => CLASS_NAMES[o.label]);
    const predicted: Record<string, number> = {};
    for (const c of labels) predicted[c] = (predicted[c] ?? 0) + 1;
    figures.realBlur = {
      n: rows.length,
      recall: (predicted.blur ?? 0) / rows.length,
      classifierRecall: rows.filter((r) => CLASS_NAMES[argmax(r.probabilities)] === 'blur').length / rows.length,
      predicted,
    };
  }
  return figures;
}
