/**
 * Inter-eye distance (ISO/IEC 29794-5 §7.4.6, OFIQ InterEyeDistance.cpp): the distance between the eye
 * centres in the analysed frame's pixels, divided by cos(yaw) so a turned head is not read as a
 * smaller one; score 100 · σ((x − 70)/20) (ICAO asks for at least 90 px at the capture resolution).
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import type { EyeGeometry } from './face-geometry';
import { sigmoidScore } from './ofiq-mapping';

export function interEyeDistance(eyes: EyeGeometry, yawDegrees: number): MeasureValue {
  const raw = eyes.interEye / Math.max(0.2, Math.cos((yawDegrees * Math.PI) / 180));
  return { raw, score: sigmoidScore(raw, { h: 100, x0: 70, w: 20 }) };
}
