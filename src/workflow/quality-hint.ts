import type { FusedVerdict } from '../protocol/messages';
import type { HintId } from './types';

/** What to do about each class the verdict can be instead of `good`. */
export const QUALITY_HINTS: Record<Exclude<FusedVerdict['label'], 'good'>, HintId> = {
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

/** The fused verdict (classifier and measures together) as a check. */
export function qualityCheck(verdict: FusedVerdict): QualityCheck {
  if (verdict.uncertain) return { passed: false, hint: null };
  if (verdict.label === 'good') return { passed: true, hint: null };
  return { passed: false, hint: QUALITY_HINTS[verdict.label] };
}
