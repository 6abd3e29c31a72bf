/** Classification metrics as in the paper's Table 1, plus calibration (pure functions, hand-testable). */

export interface ClassReport {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  classes: string[];
  perClass: Record<string, ClassReport>;
  macro: Omit<ClassReport, 'support'>;
  weighted: Omit<ClassReport, 'support'>;
  accuracy: number;
  /** confusion[true][predicted] counts. */
  confusion: number[][];
  total: number;
}

export function confusionMatrix(truth: readonly number[], predicted: readonly number[], numClasses: number): number[][] {
  const m = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  truth.forEach((t, i) => m[t][predicted[i]]++);
  return m;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Per-class P/R/F1 (0 where undefined, as scikit-learn's zero_division=0), macro/weighted averages, accuracy. */
export function classificationReport(truth: readonly number[], predicted: readonly number[], classes: readonly string[]): ClassificationReport {
  const n = classes.length;
  const confusion = confusionMatrix(truth, predicted, n);
  const perClass: Record<string, ClassReport> = {};
  let correct = 0;
  const macro = { precision: 0, recall: 0, f1: 0 };
  const weighted = { precision: 0, recall: 0, f1: 0 };
  for (let c = 0; c < n; c++) {
    const tp = confusion[c][c];
    correct += tp;
    const support = confusion[c].reduce((a, b) => a + b, 0);
    const predictedC = confusion.reduce((a, row) => a + row[c], 0);
    const precision = ratio(tp, predictedC);
    const recall = ratio(tp, support);
    const f1 = ratio(2 * precision * recall, precision + recall);
    perClass[classes[c]] = { precision, recall, f1, support };
    macro.precision += precision / n;
    macro.recall += recall / n;
    macro.f1 += f1 / n;
    const w = ratio(support, truth.length);
    weighted.precision += precision * w;
    weighted.recall += recall * w;
    weighted.f1 += f1 * w;
  }
  return { classes: [...classes], perClass, macro, weighted, accuracy: ratio(correct, truth.length), confusion, total: truth.length };
}

export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  confidence: number;
  accuracy: number;
}

/** Equal-width confidence bins over the top probability; ECE = Σ (n_b/N)·|acc_b − conf_b|. */
export function reliability(confidences: readonly number[], correct: readonly boolean[], bins = 10): { ece: number; bins: ReliabilityBin[] } {
  const out: ReliabilityBin[] = Array.from({ length: bins }, (_, b) => ({ lower: b / bins, upper: (b + 1) / bins, count: 0, confidence: 0, accuracy: 0 }));
  confidences.forEach((p, i) => {
    const b = out[Math.min(bins - 1, Math.floor(p * bins))];
    b.count++;
    b.confidence += p;
    b.accuracy += correct[i] ? 1 : 0;
  });
  let ece = 0;
  for (const b of out) {
    if (b.count === 0) continue;
    b.confidence /= b.count;
    b.accuracy /= b.count;
    ece += (b.count / confidences.length) * Math.abs(b.accuracy - b.confidence);
  }
  return { ece, bins: out };
}

export function softmax(logits: readonly number[], temperature = 1): number[] {
  const max = Math.max(...logits);
  const e = logits.map((z) => Math.exp((z - max) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Mean negative log-likelihood of the true classes at a temperature. */
export function negativeLogLikelihood(logits: readonly number[][], truth: readonly number[], temperature: number): number {
  return logits.reduce((a, z, i) => a - Math.log(Math.max(softmax(z, temperature)[truth[i]], 1e-12)), 0) / logits.length;
}

/** Temperature scaling (Guo et al. 2017): the T minimising validation NLL, by golden-section search on [0.05, 20] in log space. */
export function fitTemperature(logits: readonly number[][], truth: readonly number[]): number {
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const f = (u: number) => negativeLogLikelihood(logits, truth, Math.exp(u));
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - g * (hi - lo);
    const b = lo + g * (hi - lo);
    if (f(a) < f(b)) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * The "uncertain" threshold: the lowest top-probability t (≥ `floor`) at which the predictions kept
 * (top probability ≥ t) reach `targetAccuracy`; the floor when even all predictions reach it.
 */
export function selectiveThreshold(confidences: readonly number[], correct: readonly boolean[], targetAccuracy: number, floor = 0.5): number {
  const order = confidences.map((p, i) => [p, correct[i] ? 1 : 0] as const).sort((a, b) => b[0] - a[0]);
  // walk from the most confident down; remember the lowest confidence where the kept accuracy still meets the target
  let kept = 0;
  let right = 0;
  let threshold = 1;
  for (const [p, ok] of order) {
    kept++;
    right += ok;
    if (right / kept >= targetAccuracy) threshold = p;
  }
  return Math.max(floor, threshold);
}
