import type { QualitySummary } from '../protocol/messages';
import type { HintId } from './types';

/** What to do about each class the classifier can report instead of `good`. */
export const QUALITY_HINTS: Record<Exclude<QualitySummary['label'], 'good'>, HintId> = {
  eyeglasses: 'remove-glasses',
  covered: 'uncover-face',
  blur: 'hold-still',
  wrong: 'show-face',
};

export interface QualityCheck {
  /** True only for a confident `good`; an uncertain verdict does not pass. */
  passed: boolean;
  /** The hint for a confident non-good class; null for `good` and for an uncertain verdict (nothing specific to say). */
  hint: HintId | null;
}

export function qualityCheck(quality: QualitySummary): QualityCheck {
  if (quality.uncertain) return { passed: false, hint: null };
  if (quality.label === 'good') return { passed: true, hint: null };
  return { passed: false, hint: QUALITY_HINTS[quality.label] };
}
