/** Small statistics shared by the pipeline and the Node scripts. */

/** The middle value; of an even count the upper of the two middle ones (a value that occurs, no averaging). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/**
 * The element at fraction q (0..1) of an ascending list: index q·(n − 1), rounded to the nearest
 * (`nearest`, the bootstrap intervals' percentiles) or down (`lower`, never above the true quantile).
 */
export function quantileOfSorted(sorted: readonly number[], q: number, rank: 'nearest' | 'lower' = 'nearest'): number {
  const at = q * (sorted.length - 1);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank === 'lower' ? Math.floor(at) : Math.round(at)))];
}

/** The index of the largest value (the first one on a tie); 0 for an empty list. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
