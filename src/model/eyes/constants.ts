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

/** Eyes narrower than this in the image are not checked by the cascade (too few pixels for a 20×20 window). */
export const MIN_CASCADE_EYE_WIDTH_PX = 8;

/** Square Haar search region around each eye, from its corners. */
export interface EyeRegionConfig {
  /** Side of the region in eye widths (corner-to-corner distance); the cascade's windows frame an eye with margin. */
  sizeInEyeWidths: number;
  /** The region is resampled to this many pixels a side so that the cascade cost is the same for every face. */
  resampledSize: number;
}

/**
 * When the Haar cascade runs: on every face (the pipeline before issue 15; the pipeline benchmark's
 * baseline), or only when it can change the answer — the landmark score lies where the cascade's
 * bonus decides it, or the mesh is unsure.
 */
export type CascadeRuns = 'always' | 'when-ambiguous';

export interface EyeStateConfig {
  /** Cascade search inside the eye region (OpenCV detectMultiScale parameters). */
  haar: DetectMultiScaleOptions;
  region: EyeRegionConfig;
  cascadeRuns: CascadeRuns;
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
  /** Below this mesh confidence the landmarks are not trusted alone: the cascade runs even when 'when-ambiguous'. */
  unsureMeshScore: number;
  /** The eye-crop model's mean logit over both eyes must exceed this for "closed" (with the lids): appearance must agree. */
  closedLogitThreshold: number;
  /**
   * "Confidently closed" (the only frames that can start or carry a closure in video, the UV gate):
   * each eye's logit above closedLogitThreshold, the face state closed, and the more open eye's EAR below this
   * (the lids must not look open either: the fused threshold).
   */
  confidentMaxEar: number;
}

/**
 * Calibrated on the 1004 train images of docs/eyes-splits/train.txt (landmark cache of 2026-11-25,
 * 1.5× letterboxed detector) by `npm run eval:eyes -- --calibrate`: grid search minimising the mean
 * per-class cost with a wrong answer costing 3 "uncertain" ones. The search chose no uncertain band
 * (margin 0): near the threshold the answers are still mostly right, so a band costs more than it saves.
 * closedLogitThreshold 0: the eye-crop model's own decision boundary (class-balanced fit,
 * `npm run train:eye-patch`). confidentMaxEar = fusedThreshold.
 */
export const DEFAULT_EYE_STATE_CONFIG: EyeStateConfig = {
  haar: { ...DEFAULT_DETECT_MULTI_SCALE_OPTIONS, minNeighbors: 2 },
  region: { sizeInEyeWidths: 2, resampledSize: 64 },
  cascadeRuns: 'when-ambiguous',
  earThreshold: 0.2325,
  haarBonus: 0.065,
  fusedThreshold: 0.2825,
  uncertainMargin: 0,
  minMeshScore: 0.5,
  unsureMeshScore: 0.9,
  closedLogitThreshold: 0,
  confidentMaxEar: 0.2825,
};

export interface EyeSmoothingConfig {
  /** Open frames must hold this long before "open" is reported (a blink is ~100–300 ms). */
  openHoldMs: number;
  /** A closure must last this long, ending on a confidently closed frame, before "closed" is reported. */
  closedHoldMs: number;
  /** …and at least this share of its frames must have been confidently closed (the rest unsure)… */
  minClosedShare: number;
  /**
   * …and the lower quartile of the eye-crop logits of the last second's confidently closed frames at
   * least this: the margin that makes the closure confident. Calibrated on the train clips
   * (`eval:eyes -- --uv-clips`), blinks included: the highest such value an open-eye train clip, or
   * the same clip with blinks, reached on a frame that could otherwise report "closed" (5.92 with the
   * perceptron eye-crop model, 2026-12-06) plus 0.5, rounded up to 0.5.
   */
  closureLogit: number;
  /** The person's open-eye baseline is taken over the frames of this window… */
  baselineWindowMs: number;
  /** …once it holds this many frames… */
  baselineMinFrames: number;
  /** …as this percentile of their openness (their eyes are open most of the time; blinks fall below it). */
  baselinePercentile: number;
  /** A baseline below this openness is not taken as open eyes (someone whose eyes stayed shut): the 95th percentile of closed train faces' mean EAR (`minBaselineForSmoothing` of `eval:eyes -- --calibrate`). */
  minBaseline: number;
  /** Openness ≥ this × baseline: as open as the person's own open eyes → open (unless confidently closed). */
  openRatio: number;
  /** With a baseline, a frame is confidently closed only at openness ≤ this × baseline. */
  closedRatio: number;
}

/** Live video (src/model/eyes/eye-state-smoother.ts). */
export const EYE_SMOOTHING: EyeSmoothingConfig = {
  openHoldMs: 300,
  closedHoldMs: 1000,
  minClosedShare: 0.6,
  closureLogit: 6.5,
  baselineWindowMs: 10_000,
  baselineMinFrames: 8,
  baselinePercentile: 0.9,
  minBaseline: 0.217,
  openRatio: 0.8,
  closedRatio: 0.6,
};
