/**
 * Mouth closed (ISO/IEC 29794-5 §7.4.5, OFIQ MouthClosed.cpp): the largest inner-lip opening over T
 * (eye midpoint to chin); score 100 · (1 − σ((x − 0.2)/0.06)).
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import type { FaceLandmarks } from '../face/types';
import { maxPairDistance, MESH, type EyeGeometry } from './face-geometry';
import { sigmoidScore } from './ofiq-mapping';

export function mouthClosed(face: FaceLandmarks, eyes: EyeGeometry): MeasureValue | undefined {
  if (eyes.eyeToChin <= 0) return undefined;
  const raw = maxPairDistance(face.mesh, MESH.innerLipPairs) / eyes.eyeToChin;
  return { raw, score: sigmoidScore(raw, { h: 100, a: 1, s: -1, x0: 0.2, w: 0.06 }) };
}
