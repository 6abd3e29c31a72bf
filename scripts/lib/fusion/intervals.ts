/**
 * 95 % intervals for the fused verdict's figures: a paired bootstrap over samples for macro-F1 (the
 * classifier, the fused verdict and their difference resampled together, so the difference's interval
 * reflects that both were scored on the same samples). Proportions use the Wilson interval.
 */
import { createSeededRandom } from '../../../src/random';
import { quantileOfSorted as percentile } from '../../../src/stats';
import { classificationReport } from '../classifier/metrics';

export { wilsonInterval } from '../eyes/eye-metrics';

export interface PairedMacroF1 {
  a: [number, number];
  b: [number, number];
  /** Interval of b − a. */
  difference: [number, number];
  replicates: number;
}


/**
 * Paired percentile bootstrap of two predictions' macro-F1 over the same truth (seeded: reproducible).
 * `averaged`: the classes the macro average runs over (default all; a source's LOSO rows use the classes present in it).
 */
export function pairedMacroF1Bootstrap(truth: readonly number[], a: readonly number[], b: readonly number[], classes: readonly string[], replicates = 2000, seed = 13, averaged: readonly string[] = classes): PairedMacroF1 {
  const macro = (t: number[], p: number[]) => {
    const report = classificationReport(t, p, classes);
    return averaged.reduce((sum, c) => sum + report.perClass[c].f1, 0) / averaged.length;
  };
  const random = createSeededRandom(seed).next;
  const n = truth.length;
  const fa: number[] = [];
  const fb: number[] = [];
  const diff: number[] = [];
  const t = new Array<number>(n);
  const pa = new Array<number>(n);
  const pb = new Array<number>(n);
  for (let r = 0; r < replicates; r++) {
    for (let i = 0; i < n; i++) {
      const j = Math.floor(random() * n);
      t[i] = truth[j];
      pa[i] = a[j];
      pb[i] = b[j];
    }
    const x = macro(t, pa);
    const y = macro(t, pb);
    fa.push(x);
    fb.push(y);
    diff.push(y - x);
  }
  const interval = (v: number[]): [number, number] => {
    const s = [...v].sort((p, q) => p - q);
    return [percentile(s, 0.025), percentile(s, 0.975)];
  };
  return { a: interval(fa), b: interval(fb), difference: interval(diff), replicates };
}
