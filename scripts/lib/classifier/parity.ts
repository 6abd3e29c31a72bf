/**
 * The Node half of the classifier parity check: class probabilities of the committed classifier
 * for fixed fixture images (Debian python3-skimage), through createQualityClassifier — the same
 * preprocessing the extension runs. The browser half (test/e2e/classifier-parity.e2e.ts) feeds the
 * same images and face boxes to the classifier in the extension, on WebGL, and compares (±1e-3).
 */
import { join } from 'node:path';
import type { Box } from '../../../src/model/face/types';
import { createQualityClassifier, type QualityClass } from '../../../src/model/classifier';
import { fileModelHandler, readRgbaImage } from '../node-io';
import { SKIMAGE_DATA } from '../skimage-data';
import { MODEL_DIR } from './paths';
import { readClassifierConfig } from './shipped-model';

export interface ParityCase {
  name: string;
  /** Path of the image file. */
  file: string;
  faceBox?: Box;
}

/** Whole frames, plus the astronaut with a fixed box around her face to exercise the crop path. */
export const PARITY_CASES: readonly ParityCase[] = [
  { name: 'astronaut', file: `${SKIMAGE_DATA}/astronaut.png` },
  { name: 'astronaut-face', file: `${SKIMAGE_DATA}/astronaut.png`, faceBox: { x: 160, y: 60, width: 130, height: 150 } },
  { name: 'coffee', file: `${SKIMAGE_DATA}/coffee.png` },
  { name: 'chelsea', file: `${SKIMAGE_DATA}/chelsea.png` },
];

export type ParityResults = Record<string, Record<QualityClass, number>>;

/** Runs on whatever TF.js backend is active. */
export async function nodeParityResults(cases: readonly ParityCase[] = PARITY_CASES, modelDir = MODEL_DIR): Promise<ParityResults> {
  const classifier = await createQualityClassifier({ model: fileModelHandler(join(modelDir, 'model.json')), config: readClassifierConfig(modelDir) });
  try {
    const results: ParityResults = {};
    for (const c of cases) results[c.name] = (await classifier.classify(await readRgbaImage(c.file), c.faceBox)).probabilities;
    return results;
  } finally {
    classifier.dispose();
  }
}
