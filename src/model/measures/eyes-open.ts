/**
 * Eyes open (ISO/IEC 29794-5 §7.4.2, OFIQ EyesOpen.cpp): the smaller of the two eyes' largest lid
 * opening, over T (eye midpoint to chin); score 100 · σ((x − 0.02)/0.01).
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import type { FaceLandmarks } from '../face/types';
import { maxPairDistance, MESH, type EyeGeometry } from './face-geometry';
import { sigmoidScore } from './ofiq-mapping';

export function eyesOpen(face: FaceLandmarks, eyes: EyeGeometry): MeasureValue | undefined {
  if (eyes.eyeToChin <= 0) return undefined;
  const raw = Math.min(maxPairDistance(face.mesh, MESH.rightLidPairs), maxPairDistance(face.mesh, MESH.leftLidPairs)) / eyes.eyeToChin;
  return { raw, score: sigmoidScore(raw, { h: 100, x0: 0.02, w: 0.01 }) };
}
