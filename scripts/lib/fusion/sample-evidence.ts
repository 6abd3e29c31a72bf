/**
 * What the fused verdict reads, per sample: the committed classifier's probabilities and the quality
 * measures of the rendered sample (the same pixels the classifier saw). The measures use the mesh found
 * on the undegraded photo (the landmark cache), as the classifier's evaluation uses its face box.
 * Cached in .cache/fusion/ per dataset, keyed by the model version and a hash of src/model/measures.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { RgbaImage } from '../../../src/image';
import type { ClassifierConfig } from '../../../src/model/classifier/constants';
import type { FaceLandmarks } from '../../../src/model/face/types';
import { computeMeasures } from '../../../src/model/measures/compute-measures';
import { largestFace } from '../../../src/model/measures/largest-face';
import { rgbToRgba } from '../../../src/model/rgb-tensor';
import type { QualityMeasures } from '../../../src/protocol/quality-measures';
import { predictSamples } from '../classifier/predict-samples';
import type { OccluderPainter } from '../classifier/render-sample';
import type { SampleSpec } from '../classifier/samples';

export interface SampleEvidence {
  spec: SampleSpec;
  /** Calibrated class probabilities in CLASS_NAMES order. */
  probabilities: number[];
  /** Measures of the largest face; null without a face. */
  measures: QualityMeasures | null;
}

const MEASURES_DIR = 'src/model/measures';
const CACHE_DIR = '.cache/fusion';

/** Changes whenever a measure's code changes, so stale cached measures are never reused. */
function measuresCodeHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MEASURES_DIR).sort()) hash.update(file).update(readFileSync(join(MEASURES_DIR, file)));
  return hash.digest('hex').slice(0, 12);
}

/** A rendered sample's pixels as the RGBA image the measures read. */
export function tensorToRgba(image: tf.Tensor3D): RgbaImage {
  return rgbToRgba(image.dataSync(), image.shape[1], image.shape[0]);
}

export interface EvidenceOptions {
  root: string;
  config: ClassifierConfig;
  landmarks: Map<string, FaceLandmarks[]>;
  paintOccluder?: OccluderPainter;
}

export async function sampleEvidence(samples: readonly SampleSpec[], model: tf.LayersModel, opts: EvidenceOptions): Promise<SampleEvidence[]> {
  const cacheFile = join(CACHE_DIR, `${basename(opts.root)}-${opts.config.version}-${measuresCodeHash()}.json`);
  const cache: Record<string, Omit<SampleEvidence, 'spec'>> = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
  const key = (s: SampleSpec) => JSON.stringify(s);
  const missing = samples.filter((s) => !cache[key(s)]);
  if (missing.length) {
    const measured = new Map<string, QualityMeasures | null>();
    const p = await predictSamples(missing, model, undefined, {
      root: opts.root,
      preprocess: opts.config,
      crop: 'face',
      landmarks: opts.landmarks,
      paintOccluder: opts.paintOccluder,
      inspect: (image, spec, faces) => {
        const face = largestFace(faces);
        measured.set(key(spec), face ? computeMeasures(tensorToRgba(image), face, faces) : null);
      },
    });
    missing.forEach((s, i) => (cache[key(s)] = { probabilities: p.model[i], measures: measured.get(key(s)) ?? null }));
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(cache));
  }
  return samples.map((spec) => ({ spec, ...cache[key(spec)] }));
}
