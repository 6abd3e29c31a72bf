/**
 * The simplest feedback on a face frame: is the face big enough, and is it lit well enough?
 * The default bands are a starting point (luma on 0–255, face height as a fraction of the frame
 * height; docs/workflow.md has the figures); the workflow profiles tune them per use.
 */
export interface SizeBand {
  minFaceHeightRatio: number;
  maxFaceHeightRatio: number;
}
export interface LightBand {
  minLuminance: number;
  maxLuminance: number;
}

export const DEFAULT_SIZE_BAND: Readonly<SizeBand> = { minFaceHeightRatio: 0.2, maxFaceHeightRatio: 0.85 };
export const DEFAULT_LIGHT_BAND: Readonly<LightBand> = { minLuminance: 60, maxLuminance: 210 };

export type SizeHint = 'move-closer' | 'move-back' | 'ok';
export type LightHint = 'more-light' | 'less-light' | 'ok';

export function sizeHint(faceHeight: number, frameHeight: number, band: SizeBand = DEFAULT_SIZE_BAND): SizeHint {
  const ratio = faceHeight / frameHeight;
  if (ratio < band.minFaceHeightRatio) return 'move-closer';
  if (ratio > band.maxFaceHeightRatio) return 'move-back';
  return 'ok';
}

export function lightHint(luminance: number, band: LightBand = DEFAULT_LIGHT_BAND): LightHint {
  if (luminance < band.minLuminance) return 'more-light';
  if (luminance > band.maxLuminance) return 'less-light';
  return 'ok';
}
