/**
 * Which quality measures each profile checks, and the band each must fall in. A band bounds either
 * the measure's raw value (in its own unit: degrees, a fraction of the frame…) or its 0–100 score.
 * Calibrated (issue 13 item 7, docs/measures.md; `npm run measure-bands`) on the 64 `good` validation
 * photos of the shared set, clean and degraded as live video degrades a face: every capture band passes
 * at least 95 % of the clean faces, and where the fused verdict has a threshold on the same measure
 * (public/models/classifier/fusion.json) the band uses that number, so the checks and the verdict agree.
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
const maxRaw = (max: number): MeasureBand => ({ on: 'raw', max });
const within = (min: number, max: number): MeasureBand => ({ on: 'raw', min, max });

/** What every profile asks of the picture itself: in focus, lit, not blown out, the face uncovered. */
const CAPTURE: MeasureBands = {
  /** Score 50 = raw 0.42, the fused verdict's blur threshold: passes 97 % of clean faces, 9 % with motion blur of 8 % of the face. */
  sharpness: minScore(50),
  /** Score 50 ≈ mean face luma 0.22–0.78 of full scale (OFIQ): clean faces' 5th percentile scores 73, a dim noisy face 13. */
  'luminance-mean': minScore(50),
  /** Raw fractions of dark / blown-out face pixels, as the fused verdict's light rules (OFIQ's over-exposure score drops below 30 on 5 % of clean photos). */
  'under-exposure': maxRaw(0.5),
  'over-exposure': maxRaw(0.3),
  /** Non-skin fraction of the lower face, the fused verdict's covered threshold (2.6 % of clean validation faces exceed it). */
  'face-occlusion': maxRaw(0.38),
};

export const DEFAULT_MEASURE_BANDS: Readonly<Record<ProfileId, Readonly<MeasureBands>>> = {
  uv: { ...CAPTURE },
  /** Compression is not checked in a consult: the doctor sees the compressed call anyway. */
  consult: { ...CAPTURE, 'illumination-uniformity': minScore(40) },
  /** ICAO-style portrait: frontal, eyes open and visible, no glasses, mouth closed and uncovered, even light, plain background, margins on every side. */
  'id-photo': {
    ...CAPTURE,
    'illumination-uniformity': minScore(50),
    'background-uniformity': minScore(40),
    'natural-colour': minScore(50),
    'compression-artefacts': minScore(50),
    'single-face': minScore(50),
    'eyes-open': minScore(50),
    'eyes-visible': maxRaw(0.72),
    /** The fused verdict's eyeglasses threshold on the frame across the nose (fusion.json glassesFrameMax 0.1413). */
    'glasses-frame': maxRaw(0.1413),
    'mouth-closed': minScore(50),
    'mouth-occlusion': maxRaw(0.39),
    'inter-eye-distance': minScore(50),
    /** ICAO asks yaw and pitch within 5°, roll 8°; the mesh's pitch spreads about ±5° on frontal photos, so 8° each. */
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
