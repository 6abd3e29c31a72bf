/**
 * The few thresholds the fused verdict reads, each on one measure's raw value (docs/measures.md).
 * Fitted on the validation split by `npm run fit-fusion` and shipped as
 * public/models/classifier/fusion.json beside the classifier's config.json.
 */
/** The content thresholds: each flags its defect (see FusionConfig). */
export interface ContentThresholds {
  sharpnessMin: number;
  faceOcclusionMax: number;
  mouthOcclusionMax: number;
  eyesVisibleMax: number | null;
}

export interface FusionConfig extends ContentThresholds {
  version: string;
  /** Sharpness below this → blur. */
  sharpnessMin: number;
  /** Face occlusion (non-skin fraction of the lower face) above this → covered. */
  faceOcclusionMax: number;
  /** Mouth occlusion above this → covered. */
  mouthOcclusionMax: number;
  /** Skin around the eyes not visible above this → eyeglasses; null = not used (it did not help on validation). */
  eyesVisibleMax: number | null;
  /**
   * Stricter thresholds that overrule a CONFIDENT `good` from the classifier; the ones above decide when
   * it is unsure. A measure that fails clearly is a specific answer even then.
   */
  confidentGood: ContentThresholds;
  /** Fraction of the face's pixels that are dark (luma ≤ 25) above this → a light problem, not a face problem. */
  underExposureMax: number;
  /** Fraction of blown-out pixels (luma ≥ 247) above this → a light problem. */
  overExposureMax: number;
  /** Mean face luma (0–1) below this → a light problem (a dim, noisy face has few pixels at 0–25). */
  luminanceMeanMin: number;
}

/** The values shipped in fusion.json, as a fallback when it cannot be read (same numbers). */
export const DEFAULT_FUSION_CONFIG: FusionConfig = {
  version: 'default',
  sharpnessMin: 0.3,
  faceOcclusionMax: 0.5,
  mouthOcclusionMax: 0.6,
  eyesVisibleMax: null,
  confidentGood: { sharpnessMin: 0.3, faceOcclusionMax: 0.5, mouthOcclusionMax: 0.6, eyesVisibleMax: null },
  underExposureMax: 0.5,
  overExposureMax: 0.3,
  luminanceMeanMin: 0.2,
};

const finiteIn01 = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

function validateContent(value: unknown, where: string): ContentThresholds {
  if (typeof value !== 'object' || value === null) throw new Error(`${where} must be an object`);
  const v = value as Record<string, unknown>;
  for (const key of ['sharpnessMin', 'faceOcclusionMax', 'mouthOcclusionMax'] as const) {
    if (!finiteIn01(v[key])) throw new Error(`${where}: ${key} must be a number within 0..1`);
  }
  if (v.eyesVisibleMax !== null && !finiteIn01(v.eyesVisibleMax)) throw new Error(`${where}: eyesVisibleMax must be null or a number within 0..1`);
  return { sharpnessMin: v.sharpnessMin as number, faceOcclusionMax: v.faceOcclusionMax as number, mouthOcclusionMax: v.mouthOcclusionMax as number, eyesVisibleMax: v.eyesVisibleMax as number | null };
}

/** Checks a loaded fusion.json; throws naming the first bad field. Unknown fields (the fit's record) are dropped. */
export function validateFusionConfig(value: unknown): FusionConfig {
  if (typeof value !== 'object' || value === null) throw new Error('fusion config must be an object');
  const v = value as Record<string, unknown>;
  if (typeof v.version !== 'string') throw new Error('fusion config: version must be a string');
  for (const key of ['underExposureMax', 'overExposureMax', 'luminanceMeanMin'] as const) {
    if (!finiteIn01(v[key])) throw new Error(`fusion config: ${key} must be a number within 0..1`);
  }
  return {
    version: v.version,
    ...validateContent(v, 'fusion config'),
    confidentGood: validateContent(v.confidentGood, 'fusion config confidentGood'),
    underExposureMax: v.underExposureMax as number,
    overExposureMax: v.overExposureMax as number,
    luminanceMeanMin: v.luminanceMeanMin as number,
  };
}
