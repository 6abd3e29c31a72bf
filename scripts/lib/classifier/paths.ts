/** Where the classifier's inputs and outputs live (relative to the repo root). */
export const DEFAULT_DATA_DIR = '../shared/datasets/face-quality';
export const REAL_BLUR_DIR = '../shared/datasets/face-quality-eval/blur';
export const MODEL_DIR = 'public/models/classifier';
export const CONFIG_FILE = 'config.json';
export const METRICS_FILE = 'metrics.json';
/** The shipped model's figures stay beside its split lists, out of public/ (the build ships public/ whole). */
const SHIPPED_METRICS_PATH = 'data/classifier/metrics.json';
export const DEFAULT_SPLITS_DIR = 'data/classifier/splits/face-quality';
export const BASELINE_DIR = 'data/classifier/baseline-cnn';
/** Leave-one-source-out heads' probabilities for every validation and test sample (npm run train -- --loso-heads). */
export const LOSO_PROBABILITIES_FILE = 'data/classifier/loso-probabilities.json';
export const FEATURE_CACHE_DIR = '.cache/classifier/features';
export const DOCS_DIR = 'docs';

/** Where a model's held-out figures are written by train and read by evaluate --check: beside the model, except for the shipped one. */
export const metricsPath = (modelDir: string): string => (modelDir === MODEL_DIR ? SHIPPED_METRICS_PATH : `${modelDir}/${METRICS_FILE}`);
