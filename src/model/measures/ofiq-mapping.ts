/**
 * OFIQ's mapping from a measure's raw value to its 0–100 quality component (OFIQ Measure.h,
 * ScalarConversion): h · (a + s · sigmoid((x − x0) / w)), rounded and clamped to 0–100.
 */
export interface SigmoidMapping {
  h: number;
  a?: number;
  s?: number;
  x0: number;
  w: number;
}

/** The logistic function OFIQ calls Sigmoid(x, x0, w) = 1 / (1 + exp((x0 − x) / w)). */
export function sigmoid(x: number, x0: number, w: number): number {
  return 1 / (1 + Math.exp((x0 - x) / w));
}

/** Rounds and clamps to the 0–100 component range. */
export function clampScore(score: number): number {
  return Number.isFinite(score) ? Math.min(100, Math.max(0, Math.round(score))) : 0;
}

export function sigmoidScore(raw: number, { h, a = 0, s = 1, x0, w }: SigmoidMapping): number {
  return clampScore(h * (a + s * sigmoid(raw, x0, w)));
}
