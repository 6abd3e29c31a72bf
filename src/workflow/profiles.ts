/**
 * What each workflow profile checks, with its thresholds: one default config per profile. Bands
 * are fractions of the frame (face size, centring), 0–255 luma (light) and degrees (pose); the
 * figures behind them are in docs/workflow.md (scripts/measure-readiness.ts). The quality measures'
 * bands are in measure-bands.ts (calibrated in docs/measures.md).
 */
import { DEFAULT_MEASURE_BANDS, type MeasureBands } from './measure-bands';
import { DEFAULT_LIGHT_BAND, DEFAULT_SIZE_BAND, type LightBand, type SizeBand } from './frame-hints';
import type { WantedEyes } from './eye-check';
import type { ProfileId } from './types';

export interface ProfileConfig {
  /** Eye state the profile needs (checked on a confidently `good` face), or null to ignore the eyes. */
  eyes: WantedEyes | null;
  /** Face height as a fraction of the frame height. */
  faceSize: SizeBand | null;
  /** Mean face luma, 0–255. */
  light: LightBand | null;
  /** Largest tolerated offset of the face centre from the frame centre, fractions of width / height. */
  centring: { x: number; y: number } | null;
  /** Largest face-box movement over the window, in face heights (src/workflow/face-motion.ts). */
  steadiness: { windowMs: number; maxMotion: number } | null;
  /** Exactly one face in view. */
  oneFace: boolean;
  /** Largest tolerated head rotation, degrees. */
  pose: { maxYaw: number; maxPitch: number; maxRoll: number } | null;
  /** Highest tolerated classifier probability of `eyeglasses`, stricter than "the top class is good". */
  maxGlassesProbability: number | null;
  /**
   * The quality measures checked, each with its band. Where a band's measure is present it replaces the
   * box-based check it refines: head size or inter-eye distance the face size, the crop margins the
   * centring, yaw / pitch / roll the four-point pose (ICAO-style geometry for the ID photo).
   */
  measures: MeasureBands;
  /**
   * "Ready" is taken back on the first frame that is not ready, instead of after the usual hold: for UV
   * imaging a "ready" that outlives closed eyes by even half a second is the hazard the gate exists for.
   */
  revokeReadyAtOnce: boolean;
}

export const DEFAULT_PROFILE_CONFIGS: Readonly<Record<ProfileId, Readonly<ProfileConfig>>> = {
  /** UV skin imaging (the paper's Fig. 1): a clear face, eyes closed, centred, large enough, steady. */
  uv: {
    eyes: 'closed',
    faceSize: { minFaceHeightRatio: 0.25, maxFaceHeightRatio: DEFAULT_SIZE_BAND.maxFaceHeightRatio },
    light: null,
    centring: { x: 0.15, y: 0.2 },
    steadiness: { windowMs: 1000, maxMotion: 0.05 },
    oneFace: false,
    pose: null,
    maxGlassesProbability: null,
    measures: DEFAULT_MEASURE_BANDS.uv,
    revokeReadyAtOnce: true,
  },
  /** Video consult: a clear face, eyes open, adequate light, roughly centred (a webcam face sits high, so y is lenient). */
  consult: {
    eyes: 'open',
    faceSize: null,
    light: DEFAULT_LIGHT_BAND,
    centring: { x: 0.25, y: 0.3 },
    steadiness: null,
    oneFace: false,
    pose: null,
    maxGlassesProbability: null,
    measures: DEFAULT_MEASURE_BANDS.consult,
    revokeReadyAtOnce: false,
  },
  /** ID photo: a clear face, eyes open, one face, frontal, no glasses, a neutral crop (stricter size and centring). */
  'id-photo': {
    eyes: 'open',
    faceSize: { minFaceHeightRatio: 0.3, maxFaceHeightRatio: 0.8 },
    light: DEFAULT_LIGHT_BAND,
    centring: { x: 0.1, y: 0.15 },
    steadiness: null,
    oneFace: true,
    pose: { maxYaw: 15, maxPitch: 15, maxRoll: 10 },
    maxGlassesProbability: 0.2,
    measures: DEFAULT_MEASURE_BANDS['id-photo'],
    revokeReadyAtOnce: false,
  },
};
