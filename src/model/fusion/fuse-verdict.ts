/**
 * The verdict FaceReady gives on a frame: the classifier and the quality measures together.
 * - A light problem comes first: a face too dark or blown out is not `wrong`; the label is the
 *   classifier's best face class, and the failed exposure measure leads the evidence.
 * - A defect from the classifier (blur, eyeglasses, covered) stands, sure or not: measures that agree
 *   join its evidence and make an unsure one sure, and so does a defect that clearly leads the other
 *   defect classes (`defectLeadRatio`), so the person learns what to fix. (A blurred face smears its
 *   colours, so the skin measures are not allowed to turn the classifier's `blur` into `covered`.) A
 *   confident `wrong` stands too: a face found in a scene the classifier calls no face is more often a
 *   false detection.
 * - When the classifier says `good` (or is unsure of `wrong`), a failed measure can be the answer.
 *   Sharpness → blur decides on its own (blur is the defect that matters most, and sharpness measures
 *   it directly). The skin-colour measures (face or mouth occlusion → covered, eyes not visible →
 *   eyeglasses) misread busy backgrounds, beards and shadows, so they decide only when the classifier
 *   itself ranks their defect among its two most likely classes (`defectSupportMin`). The glasses
 *   frame (edges across the nose bridge → eyeglasses) has its own backing level
 *   (`glassesFrameSupportMin`, null: it decides alone). A confident `good` is overruled only at the
 *   stricter `confidentGood` thresholds (null: never).
 * - Otherwise the classifier's verdict stands (uncertain stays uncertain).
 * With no measures (no face), the classifier's verdict stands alone.
 */
import type { MeasureId, QualityMeasures } from '../../protocol/quality-measures';
import type { FusedVerdict, QualitySummary } from '../../protocol/messages';
import { DEFAULT_FUSION_CONFIG, type ContentThresholds, type FusionConfig } from './fusion-config';

type Label = FusedVerdict['label'];
type Probabilities = QualitySummary['probabilities'];
const FACE_CLASSES: readonly Label[] = ['good', 'blur', 'eyeglasses', 'covered'];
const DEFECTS: readonly Label[] = ['blur', 'eyeglasses', 'covered'];

type Thresholds = ContentThresholds & Pick<FusionConfig, 'underExposureMax' | 'overExposureMax' | 'luminanceMeanMin'>;

/** The measures that failed, each with the defect it means, in the order the verdict weighs them. */
export function failedMeasures(measures: QualityMeasures, config: Thresholds): { id: MeasureId; means: Label | 'light' }[] {
  const out: { id: MeasureId; means: Label | 'light' }[] = [];
  const above = (id: MeasureId, max: number | null) => max !== null && measures[id] !== undefined && measures[id]!.raw > max;
  if (above('under-exposure', config.underExposureMax)) out.push({ id: 'under-exposure', means: 'light' });
  if (above('over-exposure', config.overExposureMax)) out.push({ id: 'over-exposure', means: 'light' });
  if (measures['luminance-mean'] !== undefined && measures['luminance-mean'].raw < config.luminanceMeanMin) out.push({ id: 'luminance-mean', means: 'light' });
  if (measures.sharpness !== undefined && measures.sharpness.raw < config.sharpnessMin) out.push({ id: 'sharpness', means: 'blur' });
  if (above('face-occlusion', config.faceOcclusionMax)) out.push({ id: 'face-occlusion', means: 'covered' });
  if (above('mouth-occlusion', config.mouthOcclusionMax)) out.push({ id: 'mouth-occlusion', means: 'covered' });
  if (above('eyes-visible', config.eyesVisibleMax)) out.push({ id: 'eyes-visible', means: 'eyeglasses' });
  if (above('glasses-frame', config.glassesFrameMax)) out.push({ id: 'glasses-frame', means: 'eyeglasses' });
  return out;
}

/** The classes by probability, most likely first. */
function ranked(p: Probabilities): Label[] {
  return (Object.keys(p) as Label[]).sort((a, b) => p[b] - p[a]);
}

/** The classifier backs `defect`: among its two most likely classes, with at least `min` probability (null: no backing needed). */
export function classifierSupports(p: Probabilities, defect: Label, min: number | null): boolean {
  return min === null || (ranked(p).slice(0, 2).includes(defect) && p[defect] >= min);
}

/** `defect` is the most likely defect class and at least `ratio` times as likely as the next one (null: never). */
export function defectLeads(p: Probabilities, defect: Label, ratio: number | null): boolean {
  if (ratio === null || !DEFECTS.includes(defect)) return false;
  const [first, second] = DEFECTS.filter((d) => d !== defect).map((d) => p[d]).sort((a, b) => b - a);
  return p[defect] >= first && p[defect] >= ratio * Math.max(first, second ?? 0);
}

export function fuseVerdict(quality: QualitySummary, measures: QualityMeasures | null, config: FusionConfig = DEFAULT_FUSION_CONFIG): FusedVerdict {
  const alone: FusedVerdict = { label: quality.label, uncertain: quality.uncertain, evidence: ['classifier'] };
  if (!measures) return alone;
  const confidentGood = quality.label === 'good' && !quality.uncertain;
  const content: ContentThresholds = confidentGood ? config.confidentGood : config;
  const failed = failedMeasures(measures, { ...config, ...content });
  const light = failed.filter((f) => f.means === 'light');
  if (light.length) {
    const label = quality.label === 'wrong' ? FACE_CLASSES.reduce((a, b) => (quality.probabilities[b] > quality.probabilities[a] ? b : a)) : quality.label;
    return { label, uncertain: false, evidence: [...light.map((f) => f.id), 'classifier'] };
  }
  const agreeing = failed.filter((f) => f.means === quality.label).map((f) => f.id);
  // the classifier's defect stands (a measure that agrees, or a clear lead over the other defects, makes an unsure one sure)
  if (quality.label !== 'good' && (!quality.uncertain || quality.label !== 'wrong')) {
    const sure = !quality.uncertain || agreeing.length > 0 || defectLeads(quality.probabilities, quality.label, config.defectLeadRatio);
    return { label: quality.label, uncertain: !sure, evidence: ['classifier', ...agreeing] };
  }
  // measures answer for `good` and an unsure `wrong`: sharpness alone, the others with the classifier's backing where the fit asks for it
  const backing = (id: MeasureId) => (id === 'glasses-frame' ? config.glassesFrameSupportMin : config.defectSupportMin);
  const decisive = failed.find((f) => f.means === 'blur' || classifierSupports(quality.probabilities, f.means as Label, backing(f.id)));
  if (!decisive) return alone;
  const label = decisive.means as Label;
  return { label, uncertain: false, evidence: failed.filter((f) => f.means === label).map((f) => f.id) };
}
