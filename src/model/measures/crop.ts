/**
 * Crop of the face image (ISO/IEC 29794-5 §7.4.11, OFIQ CropOfTheFaceImage.cpp): the margin on each side
 * of the frame, in face units. Left and right: from the nearer eye centre to the frame's edge, in
 * inter-eye distances (score 100 · σ((x − 0.9)/0.1)); top: from the eye midpoint up, and bottom: from it
 * down, in T (eye midpoint to chin; scores 100 · σ((x − 1.4)/0.1) and 100 · σ((x − 1.8)/0.1)).
 * Left / right are the frame's, not the subject's.
 */
import type { MeasureValue } from '../../protocol/quality-measures';
import type { EyeGeometry } from './face-geometry';
import { sigmoidScore } from './ofiq-mapping';

type CropMeasures = Record<'crop-left' | 'crop-right' | 'crop-top' | 'crop-bottom', MeasureValue>;

export function cropMeasures(eyes: EyeGeometry, width: number, height: number): CropMeasures | undefined {
  if (eyes.interEye <= 0 || eyes.eyeToChin <= 0) return undefined;
  const leftEye = Math.min(eyes.right.x, eyes.left.x);
  const rightEye = Math.max(eyes.right.x, eyes.left.x);
  const side = (raw: number) => ({ raw, score: sigmoidScore(raw, { h: 100, x0: 0.9, w: 0.1 }) });
  const top = eyes.mid.y / eyes.eyeToChin;
  const bottom = (height - eyes.mid.y) / eyes.eyeToChin;
  return {
    'crop-left': side(leftEye / eyes.interEye),
    'crop-right': side((width - rightEye) / eyes.interEye),
    'crop-top': { raw: top, score: sigmoidScore(top, { h: 100, x0: 1.4, w: 0.1 }) },
    'crop-bottom': { raw: bottom, score: sigmoidScore(bottom, { h: 100, x0: 1.8, w: 0.1 }) },
  };
}
