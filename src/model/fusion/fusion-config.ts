/**
 * The few numbers the fused verdict reads (docs/measures.md): thresholds on measures' raw values and
 * two rules on the classifier's probabilities. Fitted on the validation split by `npm run fit-fusion`
 * and shipped as public/models/classifier/fusion.json beside the classifier's config.json.
 */
/** The content thresholds: each flags its defect (see FusionConfig); null = that measure never decides. */
export interface ContentThresholds {
  sharpnessMin: number;
  faceOcclusionMax: number | null;
  mouthOcclusionMax: number | null;
  eyesVisibleMax: number | null;
  glassesFrameMax: number | null;
}

export interface FusionConfig extends ContentThresholds {
  version: string;
  /** Sharpness below this → blur. */
  sharpnessMin: number;
  /** Face occlusion (non-skin fraction of the lower face) above this → covered. */
  faceOcclusionMax: number;
  /** Mouth occlusion above this → covered. */
  mouthOcclusionMax: number;
  /** Skin around the eyes not visible above this → eyeglasses; null = not used. */
  eyesVisibleMax: number | null;
  /** Edge contrast across the nose bridge (a glasses frame's bridge) above this → eyeglasses; null = not used. */
  glassesFrameMax: number | null;
  /**
   * Stricter thresholds that overrule a CONFIDENT `good` from the classifier; the ones above decide when
   * it is unsure. A measure that fails clearly is a specific answer even then; null = never.
   */
  confidentGood: ContentThresholds;
  /**
   * An occlusion or eyes-visible measure overrules the classifier's `good` only when the classifier ranks
   * the measure's defect among its two most likely classes with at least this probability (null: always).
   */
  defectSupportMin: number | null;
  /**
   * The same backing for the glasses-frame measure (null: it decides alone, as sharpness does). Chosen
   * apart from the skin-colour measures' because it reads edges, not colours, and fails differently.
   */
  glassesFrameSupportMin: number | null;
  /**
   * An unsure defect from the classifier is a specific answer when it is at least this many times as likely
   * as the next defect class (null: it stays uncertain).
   */
  defectLeadRatio: number | null;
  /** Fraction of the face's pixels that are dark (luma ≤ 25) above this → a light problem, not a face problem. */
  underExposureMax: number;
  /** Fraction of blown-out pixels (luma ≥ 247) above this → a light problem. */
  overExposureMax: number;
  /** Mean face luma (0–1) below this → a light problem (a dim, noisy face has few pixels at 0–25). */
  luminanceMeanMin: number;
}

/** A fallback when fusion.json cannot be read: the detector thresholds, no overruling of a confident `good` but by sharpness. */
export const DEFAULT_FUSION_CONFIG: FusionConfig = {
  version: 'default',
  sharpnessMin: 0.3,
  faceOcclusionMax: 0.5,
  mouthOcclusionMax: 0.6,
  eyesVisibleMax: null,
  glassesFrameMax: null,
  confidentGood: { sharpnessMin: 0.3, faceOcclusionMax: null, mouthOcclusionMax: null, eyesVisibleMax: null, glassesFrameMax: null },
  defectSupportMin: 0.05,
  glassesFrameSupportMin: 0.05,
  defectLeadRatio: null,
  underExposureMax: 0.5,
  overExposureMax: 0.3,
  luminanceMeanMin: 0.2,
};

const finiteIn01 = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

function validateContent(value: unknown, where: string, nullable: boolean): ContentThresholds {
  if (typeof value !== 'object' || value === null) throw new Error(`${where} must be an object`);
  const v = value as Record<string, unknown>;
  if (!finiteIn01(v.sharpnessMin)) throw new Error(`${where}: sharpnessMin must be a number within 0..1`);
  for (const key of ['faceOcclusionMax', 'mouthOcclusionMax'] as const) {
    if (!finiteIn01(v[key]) && !(nullable && v[key] === null)) throw new Error(`${where}: ${key} must be ${nullable ? 'null or ' : ''}a number within 0..1`);
  }
  for (const key of ['eyesVisibleMax', 'glassesFrameMax'] as const) {
    if (v[key] !== null && !finiteIn01(v[key])) throw new Error(`${where}: ${key} must be null or a number within 0..1`);
  }
  return {
    sharpnessMin: v.sharpnessMin,
    faceOcclusionMax: v.faceOcclusionMax as number | null,
    mouthOcclusionMax: v.mouthOcclusionMax as number | null,
    eyesVisibleMax: v.eyesVisibleMax as number | null,
    glassesFrameMax: v.glassesFrameMax as number | null,
  };
}

/** Checks a loaded fusion.json; throws naming the first bad field. Unknown fields (the fit's record) are dropped. */
export function validateFusionConfig(value: unknown): FusionConfig {
  if (typeof value !== 'object' || value === null) throw new Error('fusion config must be an object');
  const v = value as Record<string, unknown>;
  if (typeof v.version !== 'string') throw new Error('fusion config: version must be a string');
  for (const key of ['underExposureMax', 'overExposureMax', 'luminanceMeanMin'] as const) {
    if (!finiteIn01(v[key])) throw new Error(`fusion config: ${key} must be a number within 0..1`);
  }
  for (const key of ['defectSupportMin', 'glassesFrameSupportMin'] as const) {
    if (v[key] !== null && !finiteIn01(v[key])) throw new Error(`fusion config: ${key} must be null or a number within 0..1`);
  }
  if (v.defectLeadRatio !== null && !(typeof v.defectLeadRatio === 'number' && Number.isFinite(v.defectLeadRatio) && v.defectLeadRatio >= 1)) {
    throw new Error('fusion config: defectLeadRatio must be null or a number ≥ 1');
  }
  return {
    version: v.version,
    ...(validateContent(v, 'fusion config', false) as ContentThresholds & { faceOcclusionMax: number; mouthOcclusionMax: number }),
    confidentGood: validateContent(v.confidentGood, 'fusion config confidentGood', true),
    defectSupportMin: v.defectSupportMin as number | null,
    glassesFrameSupportMin: v.glassesFrameSupportMin as number | null,
    defectLeadRatio: v.defectLeadRatio as number | null,
    underExposureMax: v.underExposureMax as number,
    overExposureMax: v.overExposureMax as number,
    luminanceMeanMin: v.luminanceMeanMin as number,
  };
}
