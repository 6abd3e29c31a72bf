export { CLASS_NAMES, DEFAULT_PREPROCESS_CONFIG } from './constants';
export type { ClassifierConfig, ClassifierPreprocessConfig, QualityClass } from './constants';
export { createQualityClassifier, validateClassifierConfig } from './quality-classifier';
export type { ModelSource, QualityClassifier, QualityClassifierOptions, QualityResult } from './quality-classifier';
export { preprocessForClassifier } from './preprocess';
export type { ClassifierInput } from './preprocess';
export { cropRegion } from './crop-region';
export { classifierInputImage, explainableClassifier } from './explainable';
