/**
 * The quality measures as readiness checks (issue 13): every measure a profile's bands name becomes a
 * check with its raw value, its 0–100 score and its band, and a failed one says what to do. A measure
 * that is absent (not computable on this face) is "not measured", never a pass.
 */
import { MEASURE_IDS, type MeasureId } from '../protocol/quality-measures';
import type { QualityMeasures } from '../protocol/quality-measures';
import { inBand, type MeasureBand, type MeasureBands } from './measure-bands';
import type { CheckResult, HintId } from './types';

/** Which way a two-sided measure missed: too little (dark, far away) or too much (bright, too near). */
export type Side = 'low' | 'high';

/** What to do about a failed measure: one hint, or one for each side of its band. */
export type MeasureHint = HintId | Readonly<Record<Side, HintId>>;

const LIGHT = { low: 'more-light', high: 'less-light' } as const;
const DISTANCE = { low: 'move-closer', high: 'move-back' } as const;

/** The plain-words answer to each failed measure (the crop measures are settled together, see cropHint). */
export const MEASURE_HINTS: Readonly<Record<MeasureId, MeasureHint>> = {
  sharpness: 'hold-still',
  'luminance-mean': LIGHT,
  // Luma spread and dynamic range fail on harsh or flat light alike; where the light comes from is the fix.
  'luminance-variance': 'even-light',
  'under-exposure': 'more-light',
  'over-exposure': 'less-light',
  'dynamic-range': LIGHT,
  'illumination-uniformity': 'even-light',
  'background-uniformity': 'plain-background',
  'natural-colour': 'white-light',
  'compression-artefacts': 'better-connection',
  'single-face': 'one-person',
  'eyes-open': 'open-eyes',
  'eyes-visible': 'show-eyes',
  'glasses-frame': 'remove-glasses',
  'mouth-closed': 'close-mouth',
  'mouth-occlusion': 'uncover-face',
  'face-occlusion': 'uncover-face',
  'inter-eye-distance': DISTANCE,
  'head-size': DISTANCE,
  'crop-left': 'centre-face',
  'crop-right': 'centre-face',
  'crop-top': 'centre-face',
  'crop-bottom': 'centre-face',
  yaw: 'look-at-camera',
  pitch: 'look-at-camera',
  roll: 'straighten-head',
};

const OPPOSITE_CROP: Partial<Record<MeasureId, MeasureId>> = {
  'crop-left': 'crop-right',
  'crop-right': 'crop-left',
  'crop-top': 'crop-bottom',
  'crop-bottom': 'crop-top',
};

const ANGLES: ReadonlySet<MeasureId> = new Set(['yaw', 'pitch', 'roll']);

/** What FaceReady knows of the face in its own units, to tell which way a score band was missed. */
export interface FaceContext {
  /** Mean face luma, 0–255 (null when not computed). */
  luminance: number | null;
  /** Face-box height as a fraction of the frame height. */
  heightRatio: number;
}

/**
 * Which way a measure missed its band. A raw band says it (below min, above max); a score only says
 * "worse", so for the two-sided measures the side comes from the face itself: darker than mid-grey
 * is too dark; a head over half the frame height is too near. Inter-eye distance scores fall only
 * when the eyes are too few pixels apart (OFIQ), so its failed score means "too far".
 */
function missedSide(id: MeasureId, raw: number, band: MeasureBand, face: FaceContext): Side {
  if (band.on === 'raw') return band.min !== undefined && raw < band.min ? 'low' : 'high';
  if (id === 'inter-eye-distance') return 'low';
  if (id === 'head-size') return face.heightRatio > 0.5 ? 'high' : 'low';
  return face.luminance !== null && face.luminance > 127.5 ? 'high' : 'low';
}

/** The band in numbers, e.g. "score ≥ 30" or "value −8° to 8°". */
export function bandText(id: MeasureId, band: MeasureBand): string {
  const unit = ANGLES.has(id) ? '°' : '';
  const what = band.on === 'score' ? 'score' : 'value';
  if (band.min !== undefined && band.max !== undefined) return `${what} ${band.min}${unit} to ${band.max}${unit}`;
  if (band.min !== undefined) return `${what} ≥ ${band.min}${unit}`;
  return `${what} ≤ ${band.max}${unit}`;
}

/** A number as the checks report it: rounded to `digits` decimals. */
export const roundTo = (value: number, digits = 2) => Number(value.toFixed(digits));

/**
 * One check per measure the bands name, in MEASURE_IDS order. A face cut off on two opposite sides
 * is too near ("move back"), on one side off centre ("centre your face").
 */
export function measureChecks(bands: MeasureBands, measures: QualityMeasures, face: FaceContext): CheckResult[] {
  const banded = MEASURE_IDS.filter((id) => bands[id] !== undefined);
  const failed = new Set(banded.filter((id) => measures[id] !== undefined && !inBand(measures[id], bands[id]!)));
  return banded.map((id) => {
    const band = bands[id]!;
    const threshold = bandText(id, band);
    const value = measures[id];
    if (!value) return { id, passed: null, value: null, score: null, threshold, hint: null };
    const passed = !failed.has(id);
    const answer = MEASURE_HINTS[id];
    const opposite = OPPOSITE_CROP[id];
    const hint = passed ? null : opposite && failed.has(opposite) ? 'move-back' : typeof answer === 'string' ? answer : answer[missedSide(id, value.raw, band, face)];
    return { id, passed, value: roundTo(value.raw), score: roundTo(value.score, 0), threshold, hint };
  });
}
