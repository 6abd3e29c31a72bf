/** Shared shapes of the explainers' inputs and outputs: plain data, so results cross contexts. */

/** Which part of an explanation is running, and how far it is (0..1 within that stage). */
export interface ExplainProgress {
  stage: 'segment' | 'gradcam' | 'overlay' | 'sample' | 'predict' | 'fit';
  fraction: number;
}

/** Per-call options every explainer takes. */
export interface ExplainCallOptions {
  /** Aborting rejects the explanation with the signal's reason (an AbortError) at the next step boundary. */
  signal?: AbortSignal;
  onProgress?: (progress: ExplainProgress) => void;
}

/** A superpixel labelling: labels[y * width + x] in 0..count-1, every label used. */
export interface Segmentation {
  width: number;
  height: number;
  labels: Int32Array;
  count: number;
}

/** A per-pixel map of floats (row-major), e.g. a saliency map in [0, 1]. */
export interface ScalarMap {
  width: number;
  height: number;
  values: Float32Array;
}
