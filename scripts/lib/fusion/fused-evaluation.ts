/**
 * The fused verdict's held-out figures, shared by `npm run fit-fusion` (which records them in
 * fusion.json for --check) and `npm run evaluate` (which prints and checks them): the test split in the
 * Table-1 layout with a paired bootstrap interval of macro-F1, the real blurry photos, leave-one-source-out
 * (classifier heads trained without each source, loso-probabilities.json), and how often the verdict on a
 * defective photo is "uncertain", with Wilson intervals.
 */
import { existsSync, readdirSync } from 'node:fs';
import type * as tf from '@tensorflow/tfjs';
import { CLASS_NAMES, type ClassifierConfig } from '../../../src/model/classifier/constants';
import type { FaceLandmarks } from '../../../src/model/face/types';
import { DEFAULT_FUSION_CONFIG, type FusionConfig } from '../../../src/model/fusion/fusion-config';
import { argmax } from '../../../src/stats';
import { classificationReport, type ClassificationReport } from '../classifier/metrics';
import { paintOccluder } from '../classifier/occluders';
import type { SampleSpec } from '../classifier/samples';
import { classifierReport, fusedOutcomes, fusedReport, leaveOneSourceOut, type SourceComparison } from './fit-fusion';
import type { HeldOutSamples } from './held-out-samples';
import { pairedMacroF1Bootstrap, wilsonInterval, type PairedMacroF1 } from './intervals';
import { readLosoHeads } from './loso-probabilities';
import { sampleEvidence, type SampleEvidence } from './sample-evidence';

/** A proportion k / n with its 95 % Wilson interval. */
export interface Rate {
  k: number;
  n: number;
  rate: number;
  ci95: [number, number];
}
const rate = (k: number, n: number): Rate => ({ k, n, rate: n ? k / n : 0, ci95: wilsonInterval(k, n) });

export interface FusedFigures {
  macroF1: number;
  classifierMacroF1: number;
  /** Paired bootstrap over the test samples: classifier (a), fused (b), fused − classifier. */
  macroF1Interval: PairedMacroF1;
  report: ClassificationReport;
  classifier: ClassificationReport;
  realBlur?: { n: number; recall: number; classifierRecall: number; fusedRecall: Rate; classifierRecallRate: Rate; uncertain: { classifier: Rate; fused: Rate }; predicted: Record<string, number> };
  leaveOneSourceOut: Record<string, SourceComparison>;
  /** Every source's LOSO rows pooled (each scored by the head without its source, fused with rules fitted without it): Table 1 and the paired bootstrap. */
  leaveOneSourceOutPooled: { classifier: ClassificationReport; fused: ClassificationReport; macroF1Interval: PairedMacroF1 };
  /** Among test samples that are not `good`: how many verdicts are "uncertain", classifier vs fused (rates kept as numbers for older readers). */
  uncertainOnDefective: { n: number; classifier: number; fused: number; classifierRate: Rate; fusedRate: Rate };
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
  const unsure = (r: SampleEvidence) => Math.max(...r.probabilities) < threshold;
  const classifierUncertain = rate(defective.filter(({ r }) => unsure(r)).length, defective.length);
  const fusedUncertain = rate(defective.filter(({ o }) => o.uncertain).length, defective.length);
  const truth = test.map((r) => CLASS_NAMES.indexOf(r.spec.label));
  const loso = leaveOneSourceOut(val, [...val, ...test], DEFAULT_FUSION_CONFIG, threshold, readLosoHeads());
  const pooled = Object.values(loso).map((s) => s.predictions);
  const pool = (key: 'truth' | 'classifier' | 'fused') => pooled.flatMap((p) => p[key]);
  const classes = [...CLASS_NAMES];
  const figures: FusedFigures = {
    macroF1: fusedReport(test, fusion, threshold).macro.f1,
    classifierMacroF1: classifierReport(test).macro.f1,
    macroF1Interval: pairedMacroF1Bootstrap(truth, test.map((r) => argmax(r.probabilities)), outcomes.map((o) => o.label), [...CLASS_NAMES]),
    report: fusedReport(test, fusion, threshold),
    classifier: classifierReport(test),
    leaveOneSourceOut: loso,
    leaveOneSourceOutPooled: {
      classifier: classificationReport(pool('truth'), pool('classifier'), classes),
      fused: classificationReport(pool('truth'), pool('fused'), classes),
      macroF1Interval: pairedMacroF1Bootstrap(pool('truth'), pool('classifier'), pool('fused'), classes),
    },
    uncertainOnDefective: { n: defective.length, classifier: classifierUncertain.rate, fused: fusedUncertain.rate, classifierRate: classifierUncertain, fusedRate: fusedUncertain },
    decidedByMeasure: outcomes.filter((o) => o.byMeasure).length / outcomes.length,
  };
  if (realBlur?.landmarks && existsSync(realBlur.root)) {
    const files = readdirSync(realBlur.root).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort();
    const specs: SampleSpec[] = files.map((f) => ({ relPath: f, split: 'test', label: 'blur', baseLabel: 'blur', source: 'realblur' }));
    const rows = await sampleEvidence(specs, model, { root: realBlur.root, config, landmarks: realBlur.landmarks });
    const fused = fusedOutcomes(rows, fusion, threshold);
    const predicted: Record<string, number> = {};
    for (const o of fused) predicted[CLASS_NAMES[o.label]] = (predicted[CLASS_NAMES[o.label]] ?? 0) + 1;
    const classifierBlur = rows.filter((r) => CLASS_NAMES[argmax(r.probabilities)] === 'blur').length;
    figures.realBlur = {
      n: rows.length,
      recall: (predicted.blur ?? 0) / rows.length,
      classifierRecall: classifierBlur / rows.length,
      fusedRecall: rate(predicted.blur ?? 0, rows.length),
      classifierRecallRate: rate(classifierBlur, rows.length),
      uncertain: { classifier: rate(rows.filter(unsure).length, rows.length), fused: rate(fused.filter((o) => o.uncertain).length, rows.length) },
      predicted,
    };
  }
  return figures;
}
