/**
 * Luminance mean and variance of the face (ISO/IEC 29794-5 §7.3.3, OFIQ Luminance.cpp): from the
 * normalised luma histogram of the face oval, luma as a fraction of full scale (0–1).
 * Mean score 100·σ((m − 0.2)/0.05)·(1 − σ((m − 0.8)/0.05)); variance score 100·sin(π·60v/(60v + 1)).
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import { clampScore, sigmoid } from './ofiq-mapping';

export function luminanceMean(histogram: Float64Array): MeasureValue {
  let mean = 0;
  for (let i = 0; i < 256; i++) mean += (histogram[i] * i) / 255;
  return { raw: mean, score: clampScore(100 * sigmoid(mean, 0.2, 0.05) * (1 - sigmoid(mean, 0.8, 0.05))) };
}

export function luminanceVariance(histogram: Float64Array): MeasureValue {
  const mean = luminanceMean(histogram).raw;
  let variance = 0;
  for (let i = 0; i < 256; i++) variance += histogram[i] * (i / 255 - mean) ** 2;
  return { raw: variance, score: clampScore(100 * Math.sin(((60 * variance) / (60 * variance + 1)) * Math.PI)) };
}
