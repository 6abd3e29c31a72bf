/**
 * The "simple CNN" the paper compares against: a small network trained from scratch on 64×64
 * thumbnails (64 px, pooled to 32 px) of the same network inputs (same split, same synthetic samples, same augmentation).
 */
import * as tf from '@tensorflow/tfjs';
import { THUMB_SIZE } from './features';
import { balancedClassWeights, gatherRows } from './head';

export function buildBaselineCnn(numClasses: number, seed: number): tf.LayersModel {
  const init = () => tf.initializers.heNormal({ seed });
  const model = tf.sequential({ name: 'simple_cnn' });
  // 64 → 32 px first: the baseline trains on the pure-JS cpu backend (no WASM conv gradients), so it is kept small
  model.add(tf.layers.averagePooling2d({ inputShape: [THUMB_SIZE, THUMB_SIZE, 3], poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init() }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init() }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init() }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dropout({ rate: 0.3, seed }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init() }));
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' }));
  return model;
}

/** Thumbnail bytes (0..255) → [-1, 1] batch. */
export function thumbsToTensor(thumbs: Uint8Array, rows: readonly number[]): tf.Tensor4D {
  const len = THUMB_SIZE * THUMB_SIZE * 3;
  const x = gatherRows(thumbs, len, rows);
  for (let i = 0; i < x.length; i++) x[i] = x[i] / 127.5 - 1;
  return tf.tensor4d(x, [rows.length, THUMB_SIZE, THUMB_SIZE, 3]);
}

export async function trainBaselineCnn(thumbs: Uint8Array, rows: readonly number[], labels: readonly number[], numClasses: number, epochs: number, seed: number): Promise<tf.LayersModel> {
  const model = buildBaselineCnn(numClasses, seed);
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  const x = thumbsToTensor(thumbs, rows);
  const y = tf.oneHot(tf.tensor1d(labels as number[], 'int32'), numClasses);
  await model.fit(x, y, { epochs, batchSize: 32, shuffle: true, classWeight: balancedClassWeights(labels, numClasses), verbose: 0 });
  tf.dispose([x, y]);
  return model;
}
