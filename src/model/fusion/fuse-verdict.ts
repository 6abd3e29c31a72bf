/**
 * The verdict FaceReady gives on a frame: the classifier and the quality measures together.
 * - A light problem comes first: a face too dark or blown out is not `wrong`; the label is the
 *   classifier's best face class, and the failed exposure measure leads the evidence.
 * - A defect from the classifier (blur, eyeglasses, covered) stands, sure or not: measures that agree
 *   join its evidence and make an unsure one sure. (A blurred face smears its colours, so the skin
 *   measures are not allowed to turn the classifier's `blur` into `covered`.) A confident `wrong` stands
 *   too: a face found in a scene the classifier calls no face is more often a false detection.
 * - When the classifier says `good` (or is unsure of `wrong`), an explicit failed measure is a specific
 *   answer: sharpness → blur, face or mouth occlusion → covered, eyes not visible → eyeglasses; a
 *   confident `good` is overruled only by the stricter `confidentGood` thresholds.
 * - With no failed measure the classifier's verdict stands (uncertain stays uncertain).
 * With no measures (no face), the classifier's verdict stands alone.
 */
import type { MeasureId, QualityMeasures } from '../../protocol/quality-measures';
import type { FusedVerdict, QualitySummary } from '../../protocol/messages';
import { DEFAULT_FUSION_CONFIG, type FusionConfig } from './fusion-config';

type Label = FusedVerdict['label'];
const FACE_CLASSES: readonly Label[] = ['good', 'blur', 'eyeglasses', 'covered'];

/** The measures that failed, each with the defect it means, in the order the verdict weighs them. */
export function failedMeasures(measures: QualityMeasures, config: Omit<FusionConfig, 'version' | 'confidentGood'>): { id: MeasureId; means: Label | 'light' }[] {
  const out: { id: MeasureId; means: Label | 'light' }[] = [];
  const above = (id: MeasureId, max: number | null) => max !== null && measures[id] !== undefined && measures[id]!.raw > max;
  if (above('under-exposure', config.underExposureMax)) out.push({ id: 'under-exposure', means: 'light' });
  if (above('over-exposure', config.overExposureMax)) out.push({ id: 'over-exposure', means: 'light' });
  if (measures['luminance-mean'] !== undefined && measures['luminance-mean'].raw < config.luminanceMeanMin) out.push({ id: 'luminance-mean', means: 'light' });
  if (measures.sharpness !== undefined && measures.sharpness.raw < config.sharpnessMin) out.push({ id: 'sharpness', means: 'blur' });
  if (above('face-occlusion', config.faceOcclusionMax)) out.push({ id: 'face-occlusion', means: 'covered' });
  if (above('mouth-occlusion', config.mouthOcclusionMax)) out.push({ id: 'mouth-occlusion', means: 'covered' });
  if (above('eyes-visible', config.eyesVisibleMax)) out.push({ id: 'eyes-visible', means: 'eyeglasses' });
  return out;
}

export function fuseVerdict(quality: QualitySummary, measures: QualityMeasures | null, config: FusionConfig = DEFAULT_FUSION_CONFIG): FusedVerdict {
  const alone: FusedVerdict = { label: quality.label, uncertain: quality.uncertain, evidence: ['classifier'] };
  if (!measures) return alone;
  const confidentGood = quality.label === 'good' && !quality.uncertain;
  const failed = failedMeasures(measures, confidentGood ? { ...config, ...config.confidentGood } : config);
  const light = failed.filter((f) => f.means === 'light');
  if (light.length) {
    const label = quality.label === 'wrong' ? FACE_CLASSES.reduce((a, b) => (quality.probabilities[b] > quality.probabilities[a] ? b : a)) : quality.label;
    return { label, uncertain: false, evidence: [...light.map((f) => f.id), 'classifier'] };
  }
  const agreeing = failed.filter((f) => f.means === quality.label).map((f) => f.id);
  // the classifier's defect stands (a measure that agrees makes an unsure one sure); measures answer for `good` and an unsure `wrong`
  if (quality.label !== 'good' && (!quality.uncertain || quality.label !== 'wrong')) return { label: quality.label, uncertain: quality.uncertain && agreeing.length === 0, evidence: ['classifier', ...agreeing] };
  const decisive = failed[0];
  if (!decisive) return alone;
  const label = decisive.means as Label;
  return { label, uncertain: false, evidence: failed.filter((f) => f.means === label).map((f) => f.id) };
}
