/**
 * The vocabulary of the ISO/IEC 29794-5-style face image quality measures (issue 13, computed in
 * src/model/measures), in the spirit of OFIQ: each measure
 * is one small pure function with a raw value (its own unit) and a 0–100 quality score (100 = best,
 * as OFIQ's component scores). The measures, the fused verdict built on them and the workflow's
 * checks all speak this vocabulary; docs/measures.md gives each formula and its source.
 */
export const MEASURE_IDS = [
  // Capture: pixels of the face region and of the whole frame.
  'sharpness',
  'luminance-mean',
  'luminance-variance',
  'under-exposure',
  'over-exposure',
  'dynamic-range',
  'illumination-uniformity',
  'background-uniformity',
  'natural-colour',
  'compression-artefacts',
  // Subject: the face and what covers it.
  'single-face',
  'eyes-open',
  'eyes-visible',
  'glasses-frame',
  'mouth-closed',
  'mouth-occlusion',
  'face-occlusion',
  // Geometry: where the face sits in the frame and how it is turned.
  'inter-eye-distance',
  'head-size',
  'crop-left',
  'crop-right',
  'crop-top',
  'crop-bottom',
  'yaw',
  'pitch',
  'roll',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

export interface MeasureValue {
  /** The measured quantity in its own unit (degrees, pixels, a ratio, 0–255 luma…): see docs/measures.md. */
  raw: number;
  /** OFIQ-style quality score, 0–100, higher is better. */
  score: number;
}

/** The measures of one face in one frame; a measure that cannot be computed on it is absent. */
export type QualityMeasures = Partial<Record<MeasureId, MeasureValue>>;
