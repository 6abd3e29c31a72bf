/**
 * Error bars for the XAI figures: percentile-bootstrap 95 % intervals of a mean (images resampled), and a
 * paired comparison of two methods on the same images (bootstrap interval of the mean difference and the
 * Wilcoxon signed-rank test). Seeded, so a report is reproducible.
 */
import { createSeededRandom } from '../../../src/random';
import { quantileOfSorted as percentile } from '../../../src/stats';

export interface MeanInterval {
  mean: number;
  low: number;
  high: number;
  n: number;
}

export const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** The mean of `values` and its 95 % percentile-bootstrap interval. */
export function bootstrapMean(values: readonly number[], replicates = 2000, seed = 17): MeanInterval {
  if (values.length === 0) return { mean: NaN, low: NaN, high: NaN, n: 0 };
  const random = createSeededRandom(seed).next;
  const n = values.length;
  const means: number[] = [];
  for (let r = 0; r < replicates; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)];
    means.push(sum / n);
  }
  means.sort((a, b) => a - b);
  return { mean: mean(values), low: percentile(means, 0.025), high: percentile(means, 0.975), n };
}

export interface PairedComparison {
  /** Mean of b − a and its bootstrap interval. */
  difference: MeanInterval;
  /** Two-sided p of the Wilcoxon signed-rank test (normal approximation with tie and zero corrections). */
  wilcoxonP: number;
}

/** Compares b with a on the same items (b[i] and a[i] are the same image). */
export function pairedComparison(a: readonly number[], b: readonly number[], replicates = 2000, seed = 19): PairedComparison {
  if (a.length !== b.length) throw new Error('pairedComparison: a and b differ in length');
  const d = b.map((v, i) => v - a[i]);
  return { difference: bootstrapMean(d, replicates, seed), wilcoxonP: wilcoxonSignedRankP(d) };
}

/** Two-sided p-value of the Wilcoxon signed-rank test on differences d (zeros dropped, Pratt-free; ties get mid-ranks). */
export function wilcoxonSignedRankP(d: readonly number[]): number {
  const nonZero = d.filter((v) => v !== 0);
  const n = nonZero.length;
  if (n === 0) return 1;
  const order = nonZero.map((v, i) => [Math.abs(v), i] as const).sort((x, y) => x[0] - y[0]);
  const ranks = new Array<number>(n);
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && order[j + 1][0] === order[i][0]) j++;
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = rank;
    const t = j - i + 1;
    tieTerm += t ** 3 - t;
    i = j + 1;
  }
  const wPlus = nonZero.reduce((sum, v, i) => sum + (v > 0 ? ranks[i] : 0), 0);
  const expected = (n * (n + 1)) / 4;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48;
  if (variance <= 0) return 1;
  const z = (Math.abs(wPlus - expected) - 0.5) / Math.sqrt(variance);
  return Math.min(1, 2 * (1 - normalCdf(Math.max(0, z))));
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 erf, |error| < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** |A ∩ B| / |A ∪ B| of two sets of superpixel indices; two empty sets agree fully (1). */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  const setA = new Set(a);
  const union = new Set([...a, ...b]);
  if (union.size === 0) return 1;
  let both = 0;
  for (const x of new Set(b)) if (setA.has(x)) both++;
  return both / union.size;
}
