/**
 * Every number of the eye-state check in one place. Thresholds marked "calibrated" come from
 * `npm run eval:eyes -- --calibrate` on the train split of ../shared/datasets/eyes (split lists in
 * docs/eyes-splits/); docs/eyes-evaluation.md has the run and the held-out figures.
 */
import { DEFAULT_DETECT_MULTI_SCALE_OPTIONS, type DetectMultiScaleOptions } from './detect-multi-scale';

/**
 * MediaPipe face-mesh indices of each eye's six eye-aspect-ratio points (Soukupová & Čech 2016):
 * p1 and p4 the corners, p2/p3 on the upper lid, p6/p5 below them on the lower lid.
 * `right`/`left` are the subject's eyes (mesh 33 is the subject's right outer corner).
 */
export const EAR_MESH_INDICES = {
  right: { p1: 33, p2: 160, p3: 158, p4: 133, p5: 153, p6: 144, upperMid: 159, lowerMid: 145 },
  left: { p1: 263, p2: 387, p3: 385, p4: 362, p5: 380, p6: 373, upperMid: 386, lowerMid: 374 },
} as const;

export type EyeSide = keyof typeof EAR_MESH_INDICES;

/** Square Haar search region around each eye, from its corners. */
export const EYE_REGION_CONFIG = {
  /** Side of the region in eye widths (corner-to-corner distance); the cascade's windows frame an eye with margin. */
  sizeInEyeWidths: 2,
  /** The region is resampled to this many pixels a side so that the cascade cost is the same for every face. */
  resampledSize: 64,
  /** Eyes narrower than this in the image are not checked by the cascade (too few pixels for a 20×20 window). */
  minEyeWidthPx: 8,
} as const;

export interface EyeStateConfig {
  /** Cascade search inside the eye region (OpenCV detectMultiScale parameters). */
  haar: DetectMultiScaleOptions;
  /** Per-eye landmark score = EAR; at or above → open by landmarks (calibrated). */
  earThreshold: number;
  /** Fused per-eye score = EAR + haarBonus when the cascade fires in that eye's region (calibrated). */
  haarBonus: number;
  /** Fused per-eye score at or above → open (calibrated). */
  fusedThreshold: number;
  /** Fused scores within this distance of fusedThreshold are "uncertain" (calibrated). */
  uncertainMargin: number;
  /** Faces whose mesh confidence is below this give "uncertain". */
  minMeshScore: number;
}

/**
 * Calibrated on the 1004 train images of docs/eyes-splits/train.txt (landmark cache of 2026-11-25,
 * 1.5× letterboxed detector) by `npm run eval:eyes -- --calibrate`: grid search minimising the mean
 * per-class cost with a wrong answer costing 3 "uncertain" ones. The search chose no uncertain band
 * (margin 0): near the threshold the answers are still mostly right, so a band costs more than it saves.
 */
export const DEFAULT_EYE_STATE_CONFIG: EyeStateConfig = {
  haar: { ...DEFAULT_DETECT_MULTI_SCALE_OPTIONS, minNeighbors: 2 },
  earThreshold: 0.2325,
  haarBonus: 0.065,
  fusedThreshold: 0.2825,
  uncertainMargin: 0,
  minMeshScore: 0.5,
};

/** Video: a new eye state replaces the current one only after holding this long (a blink is ~100–300 ms). */
export const EYE_STATE_HOLD_MS = 300;
