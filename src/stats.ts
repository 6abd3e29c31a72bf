/** Small statistics shared by the pipeline and the Node scripts. */

/** The middle value; of an even count the upper of the two middle ones (a value that occurs, no averaging). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** The index of the largest value (the first one on a tie); 0 for an empty list. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
