/**
 * Fitting and scoring the fused verdict on sample evidence (pure, so the LOSO proxy can refit it per
 * held-out source).
 */
import { CLASS_NAMES, type QualityClass } from '../../../src/model/classifier/constants';
import { fuseVerdict } from '../../../src/model/fusion/fuse-verdict';
import type { FusionConfig } from '../../../src/model/fusion/fusion-config';
import type { QualitySummary } from '../../../src/protocol/messages';
import type { MeasureId } from '../../../src/protocol/quality-measures';
import { argmax } from '../classifier/evaluation';
import { classificationReport, type ClassificationReport } from '../classifier/metrics';
import type { SampleEvidence } from './sample-evidence';

const CLASSES = [...CLASS_NAMES];

export function qualitySummary(probabilities: readonly number[], uncertaintyThreshold: number): QualitySummary {
  const best = argmax(probabilities);
  const p = Object.fromEntries(CLASSES.map((c, i) => [c, probabilities[i]])) as QualitySummary['probabilities'];
  return { label: CLASSES[best], confidence: probabilities[best], uncertain: probabilities[best] < uncertaintyThreshold, probabilities: p };
}

export interface FusedOutcome {
  label: number;
  uncertain: boolean;
  byMeasure: boolean;
}

export function fusedOutcomes(rows: readonly SampleEvidence[], config: FusionConfig, uncertaintyThreshold: number): FusedOutcome[] {
  return rows.map((r) => {
    const v = fuseVerdict(qualitySummary(r.probabilities, uncertaintyThreshold), r.measures, config);
    return { label: CLASSES.indexOf(v.label), uncertain: v.uncertain, byMeasure: !v.evidence.includes('classifier') };
  });
}

const truthOf = (rows: readonly SampleEvidence[]) => rows.map((r) => CLASSES.indexOf(r.spec.label));

export function fusedReport(rows: readonly SampleEvidence[], config: FusionConfig, uncertaintyThreshold: number): ClassificationReport {
  return classificationReport(truthOf(rows), fusedOutcomes(rows, config, uncertaintyThreshold).map((o) => o.label), CLASSES);
}

export function classifierReport(rows: readonly SampleEvidence[]): ClassificationReport {
  return classificationReport(truthOf(rows), rows.map((r) => argmax(r.probabilities)), CLASSES);
}

/** The budgets tried: a measure rule's threshold flags at most this fraction of clean validation faces. */
export const FALSE_FLAG_BUDGETS = [0.005, 0.01, 0.02, 0.03] as const;

type FittedKey = 'sharpnessMin' | 'faceOcclusionMax' | 'mouthOcclusionMax' | 'eyesVisibleMax';
interface Rule {
  key: FittedKey;
  measure: MeasureId;
  defect: QualityClass;
  /** Classes whose samples do not have this defect (the false flags are counted on them). */
  clean: readonly QualityClass[];
  /** Low values are the defect (sharpness); otherwise high values are. */
  low: boolean;
}

export const FUSION_RULES: readonly Rule[] = [
  { key: 'sharpnessMin', measure: 'sharpness', defect: 'blur', clean: ['good', 'eyeglasses', 'covered'], low: true },
  { key: 'faceOcclusionMax', measure: 'face-occlusion', defect: 'covered', clean: ['good', 'eyeglasses'], low: false },
  { key: 'mouthOcclusionMax', measure: 'mouth-occlusion', defect: 'covered', clean: ['good', 'eyeglasses'], low: false },
  { key: 'eyesVisibleMax', measure: 'eyes-visible', defect: 'eyeglasses', clean: ['good'], low: false },
];

export interface RuleFit {
  threshold: number;
  /** Fraction of the defect's samples the measure alone flags, and of clean ones it wrongly flags. */
  recall: number;
  falseFlagRate: number;
  nDefect: number;
  nClean: number;
}

/**
 * Each measure's threshold is fitted on its own, as a detector of its defect: the strictest value that
 * flags at most `budget` of the clean faces. It does not look at the classifier, whose in-source
 * validation figures are near perfect (a fit of the fused macro-F1 over free thresholds never overrides
 * it) and say nothing about the new sources the measures are for.
 */
export function fitRules(rows: readonly SampleEvidence[], fixed: FusionConfig, budget: number): { config: FusionConfig; rules: Record<string, RuleFit> } {
  const config: FusionConfig = { ...fixed };
  const rules: Record<string, RuleFit> = {};
  for (const rule of FUSION_RULES) {
    const values = (classes: readonly QualityClass[]) => rows.filter((r) => classes.includes(r.spec.label) && r.measures?.[rule.measure]).map((r) => r.measures![rule.measure]!.raw);
    const clean = values(rule.clean).sort((a, b) => (rule.low ? a - b : b - a));
    const defect = values([rule.defect]);
    const allowed = Math.floor(budget * clean.length);
    // flagged = strictly beyond the threshold: the (allowed+1)-th most extreme clean value is where it sits
    const edge = clean[Math.min(allowed, clean.length - 1)];
    // rounded towards the clean side, so rounding never flags one more clean face
    const threshold = rule.low ? Math.floor(edge * 1e4) / 1e4 : Math.ceil(edge * 1e4) / 1e4;
    const flags = (x: number) => (rule.low ? x < threshold : x > threshold);
    config[rule.key] = threshold;
    rules[rule.measure] = {
      threshold,
      recall: defect.filter(flags).length / defect.length,
      falseFlagRate: clean.filter(flags).length / clean.length,
      nDefect: defect.length,
      nClean: clean.length,
    };
  }
  return { config, rules };
}

export interface FusionFit {
  config: FusionConfig;
  rules: Record<string, RuleFit>;
  budget: number;
  /** Validation macro-F1 of the fused verdict per budget tried. */
  macroF1ByBudget: Record<string, number>;
}

/** When the classifier is unsure, a measure decides at this false-flag level (a fixed policy, not fitted). */
export const UNSURE_BUDGET = 0.03;

const contentOf = (c: FusionConfig) => ({ sharpnessMin: c.sharpnessMin, faceOcclusionMax: c.faceOcclusionMax, mouthOcclusionMax: c.mouthOcclusionMax, eyesVisibleMax: c.eyesVisibleMax });

/**
 * The thresholds for an unsure classifier flag UNSURE_BUDGET of the clean validation faces; the stricter
 * ones that overrule a confident `good` use the budget with the best fused validation macro-F1 (ties:
 * the smaller). That budget is the one free choice.
 */
export function fitFusion(rows: readonly SampleEvidence[], fixed: FusionConfig, uncertaintyThreshold: number): FusionFit {
  const unsure = fitRules(rows, fixed, UNSURE_BUDGET);
  let best: FusionFit | null = null;
  const macroF1ByBudget: Record<string, number> = {};
  for (const budget of FALSE_FLAG_BUDGETS) {
    const strict = fitRules(rows, fixed, budget);
    const fit = { config: { ...unsure.config, confidentGood: contentOf(strict.config) }, rules: { ...unsure.rules, ...Object.fromEntries(Object.entries(strict.rules).map(([id, r]) => [`${id} (confident good)`, r])) } };
    const f1 = fusedReport(rows, fit.config, uncertaintyThreshold).macro.f1;
    macroF1ByBudget[budget] = f1;
    if (!best || f1 > macroF1ByBudget[best.budget] + 1e-9) best = { ...fit, budget, macroF1ByBudget };
  }
  return best!;
}

export interface SourceComparison {
  n: number;
  classesPresent: string[];
  classifier: { accuracy: number; macroF1: number };
  fused: { accuracy: number; macroF1: number };
  /** The thresholds fitted without this source. */
  config: FusionConfig;
}

/** Accuracy and macro-F1 over the classes present in the rows. */
function presentScores(rows: readonly SampleEvidence[], predicted: readonly number[]) {
  const truth = truthOf(rows);
  const present = [...new Set(truth)].sort().map((c) => CLASSES[c]);
  const report = classificationReport(truth, predicted, CLASSES);
  return { present, accuracy: report.accuracy, macroF1: present.reduce((a, c) => a + report.perClass[c].f1, 0) / present.length };
}

/**
 * Leave-one-source-out for the fusion's thresholds: per source, fitted on the validation rows of the
 * other sources and scored on that source's validation + test rows. The classifier's probabilities are
 * the committed (in-source) model's: this measures how the thresholds carry across sources, not a
 * classifier retrained without the source.
 */
export function leaveOneSourceOut(val: readonly SampleEvidence[], heldOut: readonly SampleEvidence[], fixed: FusionConfig, uncertaintyThreshold: number): Record<string, SourceComparison> {
  const out: Record<string, SourceComparison> = {};
  for (const source of [...new Set(heldOut.map((r) => r.spec.source))].sort()) {
    const rows = heldOut.filter((r) => r.spec.source === source);
    const { config } = fitFusion(val.filter((r) => r.spec.source !== source), fixed, uncertaintyThreshold);
    const c = presentScores(rows, rows.map((r) => argmax(r.probabilities)));
    const f = presentScores(rows, fusedOutcomes(rows, config, uncertaintyThreshold).map((o) => o.label));
    out[source] = { n: rows.length, classesPresent: c.present, classifier: { accuracy: c.accuracy, macroF1: c.macroF1 }, fused: { accuracy: f.accuracy, macroF1: f.macroF1 }, config };
  }
  return out;
}
