/**
 * The few thresholds the fused verdict reads, each on one measure's raw value (docs/measures.md).
 * Fitted on the validation split by `npm run fit-fusion` and shipped as
 * public/models/classifier/fusion.json beside the classifier's config.json.
 */
export interface FusionConfig {
  version: string;
  /** Sharpness below this → blur. */
  sharpnessMin: number;
  /** Face occlusion (non-skin fraction of the lower face) above this → covered. */
  faceOcclusionMax: number;
  /** Mouth occlusion above this → covered. */
  mouthOcclusionMax: number;
  /** Skin around the eyes not visible above this → eyeglasses; null = not used (it did not help on validation). */
  eyesVisibleMax: number | null;
  /** Fraction of the face's pixels that are dark (luma ≤ 25) above this → a light problem, not a face problem. */
  underExposureMax: number;
  /** Fraction of blown-out pixels (luma ≥ 247) above this → a light problem. */
  overExposureMax: number;
}

/** The values shipped in fusion.json, as a fallback when it cannot be read (same numbers). */
export const DEFAULT_FUSION_CONFIG: FusionConfig = {
  version: 'default',
  sharpnessMin: 0.3,
  faceOcclusionMax: 0.5,
  mouthOcclusionMax: 0.6,
  eyesVisibleMax: null,
  underExposureMax: 0.5,
  overExposureMax: 0.3,
};

const finiteIn01 = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

/** Checks a loaded fusion.json; throws naming the first bad field. */
export function validateFusionConfig(value: unknown): FusionConfig {
  if (typeof value !== 'object' || value === null) throw new Error('fusion config must be an object');
  const v = value as Record<string, unknown>;
  if (typeof v.version !== 'string') throw new Error('fusion config: version must be a string');
  for (const key of ['sharpnessMin', 'faceOcclusionMax', 'mouthOcclusionMax', 'underExposureMax', 'overExposureMax'] as const) {
    if (!finiteIn01(v[key])) throw new Error(`fusion config: ${key} must be a number within 0..1`);
  }
  if (v.eyesVisibleMax !== null && !finiteIn01(v.eyesVisibleMax)) throw new Error('fusion config: eyesVisibleMax must be null or a number within 0..1');
  const pick = (k: keyof FusionConfig) => v[k] as never;
  return {
    version: pick('version'),
    sharpnessMin: pick('sharpnessMin'),
    faceOcclusionMax: pick('faceOcclusionMax'),
    mouthOcclusionMax: pick('mouthOcclusionMax'),
    eyesVisibleMax: pick('eyesVisibleMax'),
    underExposureMax: pick('underExposureMax'),
    overExposureMax: pick('overExposureMax'),
  };
}
