/**
 * The verdict FaceReady gives on a frame: the classifier and the quality measures together.
 * - A light problem comes first: a face too dark or blown out is not `wrong`; the label is the
 *   classifier's best face class, and the failed exposure measure leads the evidence.
 * - A confident defect from the classifier (blur, eyeglasses, covered) stands; measures that agree are
 *   added to its evidence.
 * - Otherwise, when the classifier says good or is unsure, an explicit failed measure is a specific
 *   answer: sharpness → blur, face or mouth occlusion → covered, eyes not visible → eyeglasses. A
 *   confident `wrong` stands (a face found in a scene the classifier calls no face is more often a false
 *   detection than a defective face).
 * - With no failed measure the classifier's verdict stands (uncertain stays uncertain).
 * With no measures (no face), the classifier's verdict stands alone.
 */
import type { MeasureId, QualityMeasures } from '../../protocol/quality-measures';
import type { FusedVerdict, QualitySummary } from '../../protocol/messages';
import { DEFAULT_FUSION_CONFIG, type FusionConfig } from './fusion-config';

type Label = FusedVerdict['label'];
const FACE_CLASSES: readonly Label[] = ['good', 'blur', 'eyeglasses', 'covered'];

/** The measures that failed, each with the defect it means, in the order the verdict weighs them. */
export function failedMeasures(measures: QualityMeasures, config: FusionConfig): { id: MeasureId; means: Label | 'light' }[] {
  const out: { id: MeasureId; means: Label | 'light' }[] = [];
  const above = (id: MeasureId, max: number | null) => max !== null && measures[id] !== undefined && measures[id]!.raw > max;
  if (above('under-exposure', config.underExposureMax)) out.push({ id: 'under-exposure', means: 'light' });
  if (above('over-exposure', config.overExposureMax)) out.push({ id: 'over-exposure', means: 'light' });
  if (measures.sharpness !== undefined && measures.sharpness.raw < config.sharpnessMin) out.push({ id: 'sharpness', means: 'blur' });
  if (above('face-occlusion', config.faceOcclusionMax)) out.push({ id: 'face-occlusion', means: 'covered' });
  if (above('mouth-occlusion', config.mouthOcclusionMax)) out.push({ id: 'mouth-occlusion', means: 'covered' });
  if (above('eyes-visible', config.eyesVisibleMax)) out.push({ id: 'eyes-visible', means: 'eyeglasses' });
  return out;
}

export function fuseVerdict(quality: QualitySummary, measures: QualityMeasures | null, config: FusionConfig = DEFAULT_FUSION_CONFIG): FusedVerdict {
  const alone: FusedVerdict = { label: quality.label, uncertain: quality.uncertain, evidence: ['classifier'] };
  if (!measures) return alone;
  const failed = failedMeasures(measures, config);
  const light = failed.filter((f) => f.means === 'light');
  if (light.length) {
    const label = quality.label === 'wrong' ? FACE_CLASSES.reduce((a, b) => (quality.probabilities[b] > quality.probabilities[a] ? b : a)) : quality.label;
    return { label, uncertain: false, evidence: [...light.map((f) => f.id), 'classifier'] };
  }
  if (!quality.uncertain && quality.label !== 'good') return { ...alone, evidence: ['classifier', ...failed.filter((f) => f.means === quality.label).map((f) => f.id)] };
  const decisive = failed[0];
  if (!decisive) return alone;
  const label = decisive.means as Label;
  return { label, uncertain: false, evidence: failed.filter((f) => f.means === label).map((f) => f.id) };
}
