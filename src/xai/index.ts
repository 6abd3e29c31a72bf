/** Public API of the explainers: factories, interfaces and plain-data result types. */
export type { ExplainableModel, ConvGradients, LayersModelAdapterOptions } from './model';
export { explainableFromLayersModel, measureFastestBatchSize, DEFAULT_EXPLAINABLE_BATCH_SIZE } from './model';
export type { ExplainCallOptions, ExplainProgress, Segmentation, ScalarMap } from './types';
export { quickshift, DEFAULT_QUICKSHIFT_OPTIONS, type QuickshiftOptions } from './segment/quickshift';
export { slic, DEFAULT_SLIC_OPTIONS, type SlicOptions } from './segment/slic';
export { createLime, DEFAULT_LIME_OPTIONS, DEFAULT_LIME_STAGES, type LimeOptions, type LimeStages, type LimeResult, type LimeCallOptions, type LimeExplainer } from './lime';
export { createCamExplainer, type CamResult, type CamCallOptions, type CamExplainer, type CamWeightFunction } from './cam/base-cam';
export { createGradCam, gradCamWeights } from './gradcam';
export { createCombined, DEFAULT_COMBINED_OPTIONS, type CombinedOptions, type CombinedResult, type CombinedCallOptions, type CombinedExplainer } from './combined';
export { limeSaliency, combinedSaliency } from './saliency';
export {
  createDeletionMetric,
  createInsertionMetric,
  MEAN_COLOR_PERTURBATION,
  blurPerturbation,
  DEFAULT_FAITHFULNESS_OPTIONS,
  type Perturbation,
  type FaithfulnessMetric,
  type FaithfulnessCurve,
  type FaithfulnessOptions,
} from './faithfulness';
export { VIRIDIS, colorAt, type ColorMap } from './colormap';
export { heatmapImage, overlayHeatmap, showOnlySegments, outlineSegments, legendImage } from './render';
