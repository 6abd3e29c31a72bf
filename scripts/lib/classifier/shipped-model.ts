/** Loads the committed classifier (model.json + config.json) and baseline from disk for the Node scripts. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { ClassifierConfig } from '../../../src/model/classifier/constants';
import { validateClassifierConfig } from '../../../src/model/classifier/quality-classifier';
import { fileModelHandler } from '../node-io';
import { BASELINE_DIR, CONFIG_FILE, MODEL_DIR } from './paths';

export function readClassifierConfig(dir = MODEL_DIR): ClassifierConfig {
  const path = join(dir, CONFIG_FILE);
  if (!existsSync(path)) throw new Error(`classifier config ${path} is missing: run npm run train`);
  return validateClassifierConfig(JSON.parse(readFileSync(path, 'utf8')));
}

export async function loadShippedClassifier(dir = MODEL_DIR): Promise<{ model: tf.LayersModel; config: ClassifierConfig }> {
  const config = readClassifierConfig(dir);
  return { model: await tf.loadLayersModel(fileModelHandler(join(dir, 'model.json'))), config };
}

export async function loadBaselineCnn(dir = BASELINE_DIR): Promise<tf.LayersModel | undefined> {
  const path = join(dir, 'model.json');
  return existsSync(path) ? tf.loadLayersModel(fileModelHandler(path)) : undefined;
}
