/**
 * Fitting and scoring the fused verdict on sample evidence (pure, so the LOSO proxy can refit it per
 * held-out source).
 */
import { CLASS_NAMES, type QualityClass } from '../../../src/model/classifier/constants';
import { defectLeads, fuseVerdict } from '../../../src/model/fusion/fuse-verdict';
import type { FusionConfig } from '../../../src/model/fusion/fusion-config';
import type { QualitySummary } from '../../../src/protocol/messages';
import type { MeasureId } from '../../../src/protocol/quality-measures';
import { argmax } from '../../../src/stats';
import { classificationReport, type ClassificationReport } from '../classifier/metrics';
import { pairedMacroF1Bootstrap, type PairedMacroF1 } from './intervals';
import { scoredOutOfSource, scoredWithout, type LosoHeads } from './loso-probabilities';
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

type FittedKey = 'sharpnessMin' | 'faceOcclusionMax' | 'mouthOcclusionMax' | 'eyesVisibleMax' | 'glassesFrameMax';
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
  { key: 'glassesFrameMax', measure: 'glasses-frame', defect: 'eyeglasses', clean: ['good'], low: false },
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
  /** Per defectSupportMin tried: validation macro-F1 in-source and scored by heads that never saw the source. */
  supportChoice: Record<string, { inSource: number; outOfSource: number | null }>;
  /** The same per glassesFrameSupportMin tried, and per confident-good glasses-frame budget (null: never). */
  glassesSupportChoice: Record<string, { inSource: number; outOfSource: number | null }>;
  glassesConfidentChoice: Record<string, { inSource: number; outOfSource: number | null }>;
  /** Per defectLeadRatio tried: on out-of-source validation, how many unsure defects it made specific, and how many of those were right. */
  leadChoice: Record<string, { resolved: number; right: number }>;
  /** The bar a ratio has to meet: accuracy of the classifier's confident answers on out-of-source validation. */
  leadPrecisionBar: number | null;
}

/** When the classifier is unsure, a measure decides at this false-flag level (a fixed policy, not fitted). */
export const UNSURE_BUDGET = 0.03;
/** The classifier's backing a skin-colour measure needs to overrule its `good` (null: none). */
export const SUPPORT_CANDIDATES = [null, 0, 0.02, 0.05, 0.1, 0.2] as const;
/** How clearly an unsure defect must lead the other defects to be a specific answer. */
export const LEAD_RATIOS = [1.5, 2, 3, 5, 10] as const;

/**
 * - The thresholds for an unsure classifier flag UNSURE_BUDGET of the clean validation faces.
 * - Only sharpness overrules a CONFIDENT `good` (at the budget with the best validation macro-F1; ties: the
 *   smaller): the skin-colour measures' clean-face flags are too frequent on sources unlike the validation's
 *   to overrule a classifier that is sure.
 * - `defectSupportMin`: the candidate with the best validation macro-F1 scored by heads that never saw each
 *   sample's source (`outOfSource`, the leave-one-source-out heads), among those that keep the in-source
 *   validation macro-F1 at least the classifier's own; ties: the stricter. Without out-of-source rows, the
 *   in-source figure alone.
 * - The glasses frame (edges across the nose): its own backing level (`glassesFrameSupportMin`, same
 *   candidates and rule as `defectSupportMin`), then whether it overrules a confident `good` (at a
 *   false-flag budget, or never): each the best out-of-source validation macro-F1 that keeps the
 *   in-source floor.
 * - `defectLeadRatio`: the smallest ratio whose specific answers are right at least as often as the
 *   classifier's own confident answers on the same out-of-source validation rows (a specific answer made
 *   from a clear lead is then as trustworthy as a sure one); null if none is, or without those rows.
 */
export function fitFusion(rows: readonly SampleEvidence[], fixed: FusionConfig, uncertaintyThreshold: number, outOfSource: readonly SampleEvidence[] | null = null): FusionFit {
  const unsure = fitRules(rows, fixed, UNSURE_BUDGET);
  const base: FusionConfig = { ...unsure.config, confidentGood: { sharpnessMin: 0, faceOcclusionMax: null, mouthOcclusionMax: null, eyesVisibleMax: null, glassesFrameMax: null } };
  let budget: number = FALSE_FLAG_BUDGETS[0];
  let confidentSharpness: RuleFit | null = null;
  const macroF1ByBudget: Record<string, number> = {};
  for (const b of FALSE_FLAG_BUDGETS) {
    const strict = fitRules(rows, fixed, b);
    const config = { ...base, confidentGood: { ...base.confidentGood, sharpnessMin: strict.config.sharpnessMin } };
    macroF1ByBudget[b] = fusedReport(rows, config, uncertaintyThreshold).macro.f1;
    if (!confidentSharpness || macroF1ByBudget[b] > macroF1ByBudget[budget] + 1e-9) {
      budget = b;
      confidentSharpness = strict.rules.sharpness;
    }
  }
  let config: FusionConfig = { ...base, confidentGood: { ...base.confidentGood, sharpnessMin: confidentSharpness!.threshold } };

  const floor = classifierReport(rows).macro.f1 - 1e-9;
  /**
   * The candidate with the best out-of-source validation macro-F1 (in-source without those rows) among
   * those that keep the in-source validation macro-F1 at least the classifier's own; candidates run from
   * laxest to strictest, so `>=` keeps the stricter on a tie. Null when none keeps the floor.
   */
  const choose = <T>(candidates: readonly T[], apply: (value: T) => FusionConfig, record: Record<string, { inSource: number; outOfSource: number | null }>): { value: T } | null => {
    let best: { value: T; score: number } | null = null;
    for (const value of candidates) {
      const candidate = apply(value);
      const inSource = fusedReport(rows, candidate, uncertaintyThreshold).macro.f1;
      const oos = outOfSource ? fusedReport(outOfSource, candidate, uncertaintyThreshold).macro.f1 : null;
      record[String(value)] = { inSource, outOfSource: oos };
      const score = oos ?? inSource;
      if (inSource >= floor && (!best || score >= best.score - 1e-9)) best = { value, score };
    }
    return best;
  };
  // the glasses frame is left out while the skin measures' backing is chosen, then chosen on its own
  const withoutGlasses = { ...config, glassesFrameSupportMin: 1 };
  const supportChoice: FusionFit['supportChoice'] = {};
  const support = choose(SUPPORT_CANDIDATES, (value) => ({ ...withoutGlasses, defectSupportMin: value }), supportChoice);
  config = { ...withoutGlasses, defectSupportMin: support ? support.value : 1 };
  const glassesSupportChoice: FusionFit['glassesSupportChoice'] = {};
  const glassesSupport = choose(SUPPORT_CANDIDATES, (value) => ({ ...config, glassesFrameSupportMin: value }), glassesSupportChoice);
  config = { ...config, glassesFrameSupportMin: glassesSupport ? glassesSupport.value : 1 };
  // a confident `good` overruled by the glasses frame at a stricter budget, or never (null)
  const glassesConfidentChoice: FusionFit['glassesConfidentChoice'] = {};
  const strictGlasses = new Map(FALSE_FLAG_BUDGETS.map((b) => [b, fitRules(rows, fixed, b).config.glassesFrameMax] as const));
  const confidentBudgets = [...FALSE_FLAG_BUDGETS].reverse();
  const glassesConfident = choose<number | null>([...confidentBudgets, null], (b) => ({ ...config, confidentGood: { ...config.confidentGood, glassesFrameMax: b === null ? null : strictGlasses.get(b as (typeof FALSE_FLAG_BUDGETS)[number])! } }), glassesConfidentChoice);
  const confidentBudget = glassesConfident ? glassesConfident.value : null;
  config = { ...config, confidentGood: { ...config.confidentGood, glassesFrameMax: confidentBudget === null ? null : strictGlasses.get(confidentBudget as (typeof FALSE_FLAG_BUDGETS)[number])! } };

  const leadChoice: FusionFit['leadChoice'] = {};
  let lead: number | null = null;
  let bar: number | null = null;
  if (outOfSource) {
    const confident = outOfSource.filter((r) => !qualitySummary(r.probabilities, uncertaintyThreshold).uncertain);
    bar = confident.filter((r) => CLASSES[argmax(r.probabilities)] === r.spec.label).length / Math.max(1, confident.length);
    for (const ratio of LEAD_RATIOS) {
      const specific = outOfSource.filter((r) => {
        const q = qualitySummary(r.probabilities, uncertaintyThreshold);
        return q.uncertain && q.label !== 'good' && q.label !== 'wrong' && defectLeads(q.probabilities, q.label, ratio);
      });
      const right = specific.filter((r) => CLASSES[argmax(r.probabilities)] === r.spec.label).length;
      leadChoice[ratio] = { resolved: specific.length, right };
      if (lead === null && specific.length > 0 && right / specific.length >= bar) lead = ratio;
    }
  }
  config = { ...config, defectLeadRatio: lead };
  const rules = { ...unsure.rules, 'sharpness (confident good)': confidentSharpness! };
  return { config, rules, budget, macroF1ByBudget, supportChoice, glassesSupportChoice, glassesConfidentChoice, leadChoice, leadPrecisionBar: bar };
}

export interface SourceComparison {
  n: number;
  classesPresent: string[];
  /** The committed classifier, trained with every source (in-source). */
  inSource: { accuracy: number; macroF1: number };
  /** A classifier head trained without this source (null without the LOSO heads' file). */
  classifier: { accuracy: number; macroF1: number } | null;
  /** The fused verdict on that head's probabilities (on the committed classifier's without the file), fitted without this source. */
  fused: { accuracy: number; macroF1: number };
  /** Paired bootstrap over the source's rows of macro-F1 (classes present): classifier (a; the LOSO head, else the committed one), fused (b), fused − classifier. */
  macroF1Interval: PairedMacroF1;
  /** Per row: true class, the classifier's and the fused verdict's class (CLASS_NAMES indices), for pooled tables. */
  predictions: { truth: number[]; classifier: number[]; fused: number[] };
  /** The rules fitted without this source. */
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
 * Leave-one-source-out: per source S, the classifier head trained without S (loso-probabilities.json)
 * scores every sample; the fused verdict's rules are fitted on the validation rows of the other sources
 * (their out-of-source rows: each scored by the head that never saw its own source, S's rows left out)
 * and scored on S's validation + test rows. Without the heads' file, the committed classifier stands in
 * and only the rules are held out.
 */
export function leaveOneSourceOut(val: readonly SampleEvidence[], heldOut: readonly SampleEvidence[], fixed: FusionConfig, uncertaintyThreshold: number, loso: LosoHeads | null): Record<string, SourceComparison> {
  const out: Record<string, SourceComparison> = {};
  for (const source of [...new Set(heldOut.map((r) => r.spec.source))].sort()) {
    const own = heldOut.filter((r) => r.spec.source === source);
    const others = val.filter((r) => r.spec.source !== source);
    const rows = loso ? scoredWithout(own, source, loso) : own;
    const { config } = fitFusion(loso ? scoredWithout(others, source, loso) : others, fixed, uncertaintyThreshold, loso ? scoredOutOfSource(others, loso) : null);
    const inSource = presentScores(own, own.map((r) => argmax(r.probabilities)));
    const c = presentScores(rows, rows.map((r) => argmax(r.probabilities)));
    const fused = fusedOutcomes(rows, config, uncertaintyThreshold).map((o) => o.label);
    const f = presentScores(rows, fused);
    const classifier = rows.map((r) => argmax(r.probabilities));
    out[source] = {
      n: rows.length,
      classesPresent: c.present,
      inSource: { accuracy: inSource.accuracy, macroF1: inSource.macroF1 },
      classifier: loso ? { accuracy: c.accuracy, macroF1: c.macroF1 } : null,
      fused: { accuracy: f.accuracy, macroF1: f.macroF1 },
      macroF1Interval: pairedMacroF1Bootstrap(truthOf(rows), classifier, fused, CLASSES, undefined, undefined, c.present),
      predictions: { truth: truthOf(rows), classifier, fused },
      config,
    };
  }
  return out;
}
