/**
 * Dynamic range of the face (ISO/IEC 29794-5 §7.3.6, OFIQ DynamicRange.cpp): the entropy, in bits, of
 * the face oval's luma histogram; score 12.5 · H (8 bits = 100).
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import { clampScore } from './ofiq-mapping';

export function dynamicRange(histogram: Float64Array): MeasureValue {
  let entropy = 0;
  for (const p of histogram) if (p > 0) entropy -= p * Math.log2(p);
  return { raw: entropy, score: clampScore(12.5 * entropy) };
}
