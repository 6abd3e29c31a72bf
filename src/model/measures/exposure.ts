/**
 * Under- and over-exposure of the face (ISO/IEC 29794-5 §7.3.4–5, OFIQ UnderExposurePrevention.cpp,
 * OverExposurePrevention.cpp): the fraction of the face oval's pixels with luma in 0–25 (dark) or
 * 247–255 (blown out). Scores as OFIQ: under 120·(0.832 − σ((x − 0.92)/0.05)), over 1/(x + 0.01).
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import { clampScore, sigmoidScore } from './ofiq-mapping';

const fraction = (histogram: Float64Array, from: number, to: number) => histogram.slice(from, to + 1).reduce((a, b) => a + b, 0);

export function underExposure(histogram: Float64Array): MeasureValue {
  const raw = fraction(histogram, 0, 25);
  return { raw, score: sigmoidScore(raw, { h: 120, a: 0.832, s: -1, x0: 0.92, w: 0.05 }) };
}

export function overExposure(histogram: Float64Array): MeasureValue {
  const raw = fraction(histogram, 247, 255);
  return { raw, score: clampScore(1 / (raw + 0.01)) };
}
