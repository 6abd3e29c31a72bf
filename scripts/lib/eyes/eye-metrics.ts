/** Confusion matrix and scores for open/closed ground truth against open/closed/uncertain predictions. */
import type { EyeState } from '../../../src/model/eyes';

export type EyeLabel = 'open' | 'closed';

export interface EyeMetrics {
  n: number;
  /** matrix[truth][predicted] */
  matrix: Record<EyeLabel, Record<EyeState, number>>;
  /** Uncertain counts as wrong. */
  accuracy: number;
  /** Mean of per-class recall (uncertain wrong). */
  balancedAccuracy: number;
  f1Open: number;
  f1Closed: number;
  macroF1: number;
  uncertainRate: number;
}

export function eyeMetrics(pairs: { truth: EyeLabel; predicted: EyeState }[]): EyeMetrics {
  const matrix: EyeMetrics['matrix'] = {
    open: { open: 0, closed: 0, uncertain: 0 },
    closed: { open: 0, closed: 0, uncertain: 0 },
  };
  for (const p of pairs) matrix[p.truth][p.predicted]++;
  const n = pairs.length;
  const rowTotal = (l: EyeLabel) => matrix[l].open + matrix[l].closed + matrix[l].uncertain;
  const recall = (l: EyeLabel) => (rowTotal(l) ? matrix[l][l] / rowTotal(l) : 0);
  const f1 = (l: EyeLabel) => {
    const other: EyeLabel = l === 'open' ? 'closed' : 'open';
    const tp = matrix[l][l];
    const predicted = tp + matrix[other][l];
    const precision = predicted ? tp / predicted : 0;
    const r = recall(l);
    return precision + r > 0 ? (2 * precision * r) / (precision + r) : 0;
  };
  const present = (['open', 'closed'] as EyeLabel[]).filter((l) => rowTotal(l) > 0);
  return {
    n,
    matrix,
    accuracy: n ? (matrix.open.open + matrix.closed.closed) / n : 0,
    balancedAccuracy: present.length ? present.reduce((a, l) => a + recall(l), 0) / present.length : 0,
    f1Open: f1('open'),
    f1Closed: f1('closed'),
    macroF1: (f1('open') + f1('closed')) / 2,
    uncertainRate: n ? (matrix.open.uncertain + matrix.closed.uncertain) / n : 0,
  };
}

/** Wilson score interval (95% by default) for k successes in n trials; [0, 1] when n is 0. */
export function wilsonInterval(k: number, n: number, z = 1.959964): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
