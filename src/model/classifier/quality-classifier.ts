import * as tf from '@tensorflow/tfjs';
import type { Box } from '../face/types';
import { CLASS_NAMES, type ClassifierConfig, type QualityClass } from './constants';
import { preprocessForClassifier, type ClassifierInput } from './preprocess';
import { argmax } from '../../stats';

/** Where the model comes from: a model.json URL (extension) or any IOHandler (Node: fileModelHandler). */
export type ModelSource = string | tf.io.IOHandler;

export interface QualityClassifierOptions {
  model: ModelSource;
  config: ClassifierConfig;
}

/** Plain, serialisable result of one classification. */
export interface QualityResult {
  probabilities: Record<QualityClass, number>;
  label: QualityClass;
  /** Calibrated probability of `label`. */
  confidence: number;
  /** True when `confidence` is below the calibrated threshold: show "uncertain", not the label. */
  uncertain: boolean;
  /** Wall time of preprocessing + inference, ms. */
  ms: number;
}

export interface QualityClassifier {
  /** Classifies the face crop (faceBox given) or the whole frame (no face found). */
  classify(image: ClassifierInput, faceBox?: Box): Promise<QualityResult>;
  /** The underlying single LayersModel (input: preprocessForClassifier output; output: class probabilities). */
  readonly model: tf.LayersModel;
  readonly config: ClassifierConfig;
  dispose(): void;
}

function describe(source: ModelSource): string {
  return typeof source === 'string' ? source : 'the given model handler';
}

/** Checks the config against this code's class order (a config from another class set must not load silently). */
export function validateClassifierConfig(config: ClassifierConfig): ClassifierConfig {
  if (config.classNames.length !== CLASS_NAMES.length || config.classNames.some((c, i) => c !== CLASS_NAMES[i])) {
    throw new Error(`classifier config: class order ${JSON.stringify(config.classNames)} differs from ${JSON.stringify(CLASS_NAMES)}`);
  }
  if (!(config.inputSize > 0) || !(config.uncertaintyThreshold >= 0 && config.uncertaintyThreshold <= 1)) {
    throw new Error('classifier config: inputSize must be > 0 and uncertaintyThreshold within 0..1');
  }
  return config;
}

export async function createQualityClassifier(options: QualityClassifierOptions): Promise<QualityClassifier> {
  const config = validateClassifierConfig(options.config);
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(options.model);
  } catch (error) {
    throw new Error(`quality classifier: could not load the model from ${describe(options.model)}: ${(error as Error).message}`, { cause: error });
  }
  const [, h, w, c] = model.inputs[0].shape;
  const out = (model.outputs[0].shape as number[]).at(-1);
  if (h !== config.inputSize || w !== config.inputSize || c !== 3 || out !== CLASS_NAMES.length) {
    model.dispose();
    throw new Error(`quality classifier: model from ${describe(options.model)} takes [${h},${w},${c}] → ${out} classes, config expects [${config.inputSize},${config.inputSize},3] → ${CLASS_NAMES.length}`);
  }
  const missing = config.gradCamLayers.find((name) => !model.layers.some((l) => l.name === name));
  if (missing !== undefined) {
    model.dispose();
    throw new Error(`quality classifier: model from ${describe(options.model)} has no layer "${missing}" (config.gradCamLayers)`);
  }
  return {
    model,
    config,
    async classify(image, faceBox) {
      const start = performance.now();
      const probs = tf.tidy(() => model.predict(preprocessForClassifier(image, faceBox, config)) as tf.Tensor2D);
      const values = Array.from(await probs.data());
      probs.dispose();
      const best = argmax(values);
      const probabilities = Object.fromEntries(CLASS_NAMES.map((name, i) => [name, values[i]])) as Record<QualityClass, number>;
      return { probabilities, label: CLASS_NAMES[best], confidence: values[best], uncertain: values[best] < config.uncertaintyThreshold, ms: performance.now() - start };
    },
    dispose() {
      model.dispose();
    },
  };
}
