/**
 * The model the XAI scripts explain: the trained classifier (public/models/classifier) when it
 * exists, else a stand-in of the same cost — the MobileNet v1 backbone with a random softmax head —
 * so benchmarks can run before training has landed. `description` says which one it is.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { ClassifierConfig, ClassifierPreprocessConfig } from '../../src/model/classifier/constants';
import { CLASS_NAMES, DEFAULT_PREPROCESS_CONFIG } from '../../src/model/classifier/constants';
import { MOBILENET_V1_LAST_CONV } from './classifier/mobilenet-v1';
import { explainableClassifier } from '../../src/model/classifier/explainable';
import type { ExplainableModel } from '../../src/xai/model';
import { loadMobileNetV1 } from './classifier/backbone-weights';
import { MODEL_DIR } from './classifier/paths';
import { fileModelHandler } from './node-io';

export interface XaiModel {
  model: ExplainableModel;
  layersModel: tf.LayersModel;
  classNames: readonly string[];
  trained: boolean;
  /** How images become the network's input (crop, size, scaling). */
  preprocessConfig: ClassifierPreprocessConfig;
  /** Names this model in cache paths: `trained-<backbone>-<hash of config.json>` or `standin`. */
  id: string;
  description: string;
}

export async function loadXaiModel(batchSize?: number): Promise<XaiModel> {
  const modelJson = join(MODEL_DIR, 'model.json');
  const configJson = join(MODEL_DIR, 'config.json');
  if (existsSync(modelJson) && existsSync(configJson)) {
    const configText = readFileSync(configJson, 'utf8');
    const config = JSON.parse(configText) as ClassifierConfig;
    // a retrained model keeps its version date; the config (temperature, thresholds) changes with it
    const hash = createHash('sha1').update(configText).digest('hex').slice(0, 8);
    const layersModel = await tf.loadLayersModel(fileModelHandler(modelJson));
    const model = explainableClassifier(layersModel, config, batchSize);
    return { model, layersModel, classNames: config.classNames, trained: true, preprocessConfig: config, id: `trained-${config.backbone}-${hash}`, description: `trained classifier ${config.version} (${config.backbone}, ${config.inputSize}px, Grad-CAM at ${config.gradCamLayers.join(' + ')})` };
  }
  const size = DEFAULT_PREPROCESS_CONFIG.inputSize;
  const backbone = loadMobileNetV1(size);
  const pooled = tf.layers.globalAveragePooling2d({ name: 'pool' }).apply(backbone.outputs[0]);
  const logits = tf.layers.dense({ units: CLASS_NAMES.length, name: 'logits', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }).apply(pooled);
  const probs = tf.layers.activation({ activation: 'softmax', name: 'probabilities' }).apply(logits) as tf.SymbolicTensor;
  const layersModel = tf.model({ inputs: backbone.inputs, outputs: probs });
  const model = explainableClassifier(layersModel, { ...DEFAULT_PREPROCESS_CONFIG, gradCamLayers: [MOBILENET_V1_LAST_CONV] }, batchSize);
  return { model, layersModel, classNames: CLASS_NAMES, trained: false, preprocessConfig: DEFAULT_PREPROCESS_CONFIG, id: 'standin', description: `STAND-IN: MobileNet v1 backbone (face-api weights) + random softmax head, ${size}px (the trained classifier has not landed)` };
}
