/**
 * The simplest feedback on a face frame: is the face big enough, and is it lit well enough?
 * Thresholds are a starting band (luma on 0–255, face height as a fraction of the frame height);
 * the workflow profiles tune them per use.
 */
export const FRAME_HINT_CONFIG = {
  minFaceHeightRatio: 0.2,
  maxFaceHeightRatio: 0.85,
  minLuminance: 60,
  maxLuminance: 210,
} as const;

export type FrameHintConfig = { readonly [K in keyof typeof FRAME_HINT_CONFIG]: number };

export type SizeHint = 'move-closer' | 'move-back' | 'ok';
export type LightHint = 'more-light' | 'less-light' | 'ok';

export function sizeHint(faceHeight: number, frameHeight: number, config: FrameHintConfig = FRAME_HINT_CONFIG): SizeHint {
  const ratio = faceHeight / frameHeight;
  if (ratio < config.minFaceHeightRatio) return 'move-closer';
  if (ratio > config.maxFaceHeightRatio) return 'move-back';
  return 'ok';
}

export function lightHint(luminance: number, config: FrameHintConfig = FRAME_HINT_CONFIG): LightHint {
  if (luminance < config.minLuminance) return 'more-light';
  if (luminance > config.maxLuminance) return 'less-light';
  return 'ok';
}
