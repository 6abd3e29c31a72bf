/**
 * Runs a whole classifier (and optionally the baseline CNN) end to end on samples: render → the
 * shared preprocessing → model. This is what evaluation measures, so it sees exactly what ships.
 */
import * as tf from '@tensorflow/tfjs';
import type { ClassifierPreprocessConfig } from '../../../src/model/classifier/constants';
import { preprocessForClassifier } from '../../../src/model/classifier/preprocess';
import type { FaceLandmarks } from '../../../src/model/face/types';
import { THUMB_SIZE, type CropPolicy } from './features';
import { primaryFace, renderSample, type OccluderPainter } from './render-sample';
import type { SampleSpec } from './samples';

export interface SamplePredictions {
  /** rows of class probabilities. */
  model: number[][];
  baseline?: number[][];
}

export interface PredictOptions {
  root: string;
  preprocess: ClassifierPreprocessConfig;
  crop: CropPolicy;
  landmarks?: Map<string, FaceLandmarks[]>;
  paintOccluder?: OccluderPainter;
  batchSize?: number;
  /** Sees each rendered sample (pixels 0–255) and its face before it is preprocessed, e.g. to measure it. */
  inspect?: (image: tf.Tensor3D, spec: SampleSpec, faces: readonly FaceLandmarks[]) => void;
}

export async function predictSamples(samples: readonly SampleSpec[], model: tf.LayersModel, baseline: tf.LayersModel | undefined, opts: PredictOptions): Promise<SamplePredictions> {
  const out: SamplePredictions = { model: [], baseline: baseline ? [] : undefined };
  const batchSize = opts.batchSize ?? 16;
  for (let b = 0; b < samples.length; b += batchSize) {
    const inputs: tf.Tensor4D[] = [];
    for (const spec of samples.slice(b, b + batchSize)) {
      const { image, faceBox } = await renderSample(spec, opts.root, primaryFace(opts.landmarks?.get(spec.relPath)), opts.paintOccluder);
      opts.inspect?.(image, spec, opts.landmarks?.get(spec.relPath) ?? []);
      inputs.push(preprocessForClassifier(image, opts.crop === 'face' ? faceBox : undefined, opts.preprocess));
      image.dispose();
    }
    const [p, q] = tf.tidy(() => {
      const x = tf.concat(inputs, 0);
      const probs = model.predict(x) as tf.Tensor2D;
      if (!baseline) return [probs];
      // the baseline sees the same input, downscaled to its size and quantised like its training thumbnails
      const thumb = tf.div(tf.round(tf.mul(tf.add(tf.image.resizeBilinear(x, [THUMB_SIZE, THUMB_SIZE], true), 1), 127.5)), 127.5);
      return [probs, baseline.predict(tf.sub(tf.clipByValue(thumb, 0, 2), 1)) as tf.Tensor2D];
    });
    tf.dispose(inputs);
    out.model.push(...(p.arraySync() as number[][]));
    if (q) out.baseline!.push(...(q.arraySync() as number[][]));
    tf.dispose([p, q]);
  }
  return out;
}
