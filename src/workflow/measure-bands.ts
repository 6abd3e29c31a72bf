/**
 * Which quality measures each profile checks, and the band each must fall in. A band bounds either
 * the measure's raw value (in its own unit: degrees, a fraction of the frame…) or its 0–100 score.
 * The numbers are calibrated on validation data and on degraded live-video-like frames
 * (docs/measures.md, issue 13 item 7); the first set below is provisional.
 */
import type { MeasureId } from '../protocol/quality-measures';
import type { ProfileId } from './types';

export interface MeasureBand {
  /** Which number the band bounds. */
  on: 'raw' | 'score';
  min?: number;
  max?: number;
}

export type MeasureBands = Partial<Record<MeasureId, MeasureBand>>;

const minScore = (min: number): MeasureBand => ({ on: 'score', min });
const within = (min: number, max: number): MeasureBand => ({ on: 'raw', min, max });

/** What every profile asks of the picture itself: in focus, exposed, the face uncovered. */
const CAPTURE: MeasureBands = {
  sharpness: minScore(30),
  'under-exposure': minScore(30),
  'over-exposure': minScore(30),
  'face-occlusion': minScore(50),
};

export const DEFAULT_MEASURE_BANDS: Readonly<Record<ProfileId, Readonly<MeasureBands>>> = {
  uv: { ...CAPTURE },
  consult: { ...CAPTURE, 'illumination-uniformity': minScore(20) },
  /** ICAO-style portrait geometry: frontal within a few degrees, eyes and mouth visible, an even, plain picture. */
  'id-photo': {
    ...CAPTURE,
    'illumination-uniformity': minScore(40),
    'background-uniformity': minScore(40),
    'natural-colour': minScore(40),
    'compression-artefacts': minScore(40),
    'single-face': minScore(50),
    'eyes-visible': minScore(50),
    'mouth-closed': minScore(50),
    'mouth-occlusion': minScore(50),
    yaw: within(-8, 8),
    pitch: within(-8, 8),
    roll: within(-8, 8),
    'crop-left': minScore(50),
    'crop-right': minScore(50),
    'crop-top': minScore(50),
    'crop-bottom': minScore(50),
  },
};

/** True when the measure's number lies inside the band (bounds included). */
export function inBand(value: { raw: number; score: number }, band: MeasureBand): boolean {
  const x = band.on === 'raw' ? value.raw : value.score;
  return (band.min === undefined || x >= band.min) && (band.max === undefined || x <= band.max);
}
