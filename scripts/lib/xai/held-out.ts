/**
 * The held-out images the XAI evaluations explain, and each one as the classifier sees it. Images: the
 * classifier's committed test split for eyeglasses/good/covered/wrong, and the real blurry photos of
 * face-quality-eval/blur (never trained on) for blur; per class in a seeded order, then interleaved
 * class by class, so that any prefix of the list is balanced across classes (a run cut short still
 * evaluates every class about equally).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { RgbaImage } from '../../../src/image';
import type { ClassifierPreprocessConfig } from '../../../src/model/classifier/constants';
import { preprocessForClassifier } from '../../../src/model/classifier/preprocess';
import type { Box } from '../../../src/model/face/types';
import { createSeededRandom, shuffleInPlace } from '../../../src/random';
import { DEFAULT_DATA_DIR, DEFAULT_SPLITS_DIR, REAL_BLUR_DIR } from '../classifier/paths';
import { primaryFace } from '../classifier/render-sample';
import { loadLandmarks } from '../landmark-cache';
import { readRgbaImage } from '../node-io';

export interface HeldOutImage {
  path: string;
  trueClass: string;
}

const SEED = 5;

/** Up to `perClass` held-out images per class (absolute paths), interleaved by class. */
export function heldOutImages(perClass: number): HeldOutImage[] {
  const byClass = new Map<string, string[]>();
  const testList = join(DEFAULT_SPLITS_DIR, 'test.txt');
  if (!existsSync(testList)) throw new Error(`the XAI evaluations need the classifier's test split ${testList}`);
  for (const line of readFileSync(testList, 'utf8').split('\n').filter(Boolean)) {
    const cls = line.split('/')[0];
    byClass.set(cls, [...(byClass.get(cls) ?? []), resolve(DEFAULT_DATA_DIR, line)]);
  }
  byClass.set('blur', readdirSync(REAL_BLUR_DIR).filter((f) => f.endsWith('.jpg')).map((f) => resolve(REAL_BLUR_DIR, f)));
  const random = createSeededRandom(SEED);
  const lists = [...byClass.keys()].sort().map((cls) => shuffleInPlace([...byClass.get(cls)!].sort(), random.next).slice(0, perClass).map((path) => ({ path, trueClass: cls })));
  const picked: HeldOutImage[] = [];
  for (let i = 0; i < perClass; i++) for (const list of lists) if (i < list.length) picked.push(list[i]);
  return picked;
}

/** The most confident face's box of every image (from the shared landmark cache), by absolute path. */
export async function faceBoxes(): Promise<Map<string, Box | undefined>> {
  const boxes = new Map<string, Box | undefined>();
  for (const dir of [DEFAULT_DATA_DIR, REAL_BLUR_DIR]) {
    const landmarks = await loadLandmarks(resolve(dir));
    for (const [relPath, faces] of landmarks) boxes.set(resolve(dir, relPath), primaryFace(faces)?.box);
  }
  return boxes;
}

/**
 * What the classifier sees, as an image: its own crop (face box × scale, or the whole frame) and
 * resize, with the input scaling undone. Explaining this image explains the product's decision.
 */
export async function modelInputImage(path: string, faceBox: Box | undefined, config: ClassifierPreprocessConfig): Promise<RgbaImage> {
  const photo = await readRgbaImage(path);
  const { scale, offset } = config.normalization;
  const pixels = tf.tidy(() => tf.clipByValue(tf.round(tf.div(tf.sub(tf.squeeze(preprocessForClassifier(photo, faceBox, config), [0]), offset), scale)), 0, 255));
  const rgb = await pixels.data();
  pixels.dispose();
  const size = config.inputSize;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let i = 0; i < size * size; i++) data.set([rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2], 255], i * 4);
  return { width: size, height: size, data };
}
