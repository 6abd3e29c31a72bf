/**
 * Single face present (ISO/IEC 29794-5 §7.4.1, OFIQ SingleFacePresent.cpp): raw = area of the second
 * largest face box over the largest's (0 with one face); score 100 · (1 − raw).
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import type { Box } from '../face/types';
import { clampScore } from './ofiq-mapping';

export function singleFace(faces: readonly { box: Box }[]): MeasureValue | undefined {
  if (faces.length === 0) return undefined;
  const areas = faces.map((f) => f.box.width * f.box.height).sort((a, b) => b - a);
  const raw = areas.length > 1 && areas[0] > 0 ? areas[1] / areas[0] : 0;
  return { raw, score: clampScore(100 * (1 - raw)) };
}
