/**
 * Head size (ISO/IEC 29794-5 §7.4.7, OFIQ HeadSize.cpp): T (eye midpoint to chin) over the frame
 * height; score 200 · (1 − σ(|x − 0.45| / 0.05)), best at 0.45.
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import type { EyeGeometry } from './face-geometry';
import { sigmoidScore } from './ofiq-mapping';

export function headSize(eyes: EyeGeometry, frameHeight: number): MeasureValue {
  const raw = eyes.eyeToChin / frameHeight;
  return { raw, score: sigmoidScore(Math.abs(raw - 0.45), { h: 200, a: 1, s: -1, x0: 0, w: 0.05 }) };
}
