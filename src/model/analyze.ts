/**
 * The per-frame pipeline, as a straight line: landmarks → classify (face crop, or the whole frame
 * when no face was found) → eye state (only for a confidently `good` face, as in the paper) →
 * measures → result. It runs the same in the offscreen document and in Node scripts; decoding and
 * transport live elsewhere.
 */
import type { RgbaImage } from '../image';
import type { EyeSummary, FaceSummary, FusedVerdict, QualitySummary } from '../protocol/messages';
import type { QualityMeasures } from '../protocol/quality-measures';
import type { QualityClassifier } from './classifier';
import type { EyeStateDetector, EyeStateResult } from './eyes';
import type { FaceLandmarkSource } from './face';
import { fuseVerdict } from './fusion/fuse-verdict';
import type { FusionConfig } from './fusion/fusion-config';
import { computeMeasures } from './measures/compute-measures';
import { faceLuminance } from './measures/face-luminance';
import { largestFace } from './measures/largest-face';
import { toRgbTensor } from './rgb-tensor';

export interface FrameModels {
  landmarks: FaceLandmarkSource;
  classifier: QualityClassifier;
  eyes: EyeStateDetector;
  /** Thresholds of the fused verdict (fusion.json); the shipped defaults when absent. */
  fusion?: FusionConfig;
}

export interface FrameResult {
  faces: FaceSummary[];
  quality: QualitySummary;
  /** Quality measures of the largest face; null when no face was found. */
  measures: QualityMeasures | null;
  verdict: FusedVerdict;
  eyes: EyeSummary | null;
  timings: { detectorMs: number; meshMs: number; irisMs: number; classifierMs: number; eyesMs: number };
}

export interface FrameAnalyzer {
  analyze(image: RgbaImage): Promise<FrameResult>;
  dispose(): void;
}

function summariseEyes(result: EyeStateResult): EyeSummary {
  const eye = (e: EyeStateResult['left']) => ({ state: e.state, ear: e.ear });
  const { state, landmarkState, haarState, openness, confidentlyClosed, cascadeRan } = result;
  return { state, landmarkState, haarState, openness, confidentlyClosed, cascadeRan, right: eye(result.right), left: eye(result.left) };
}

export function createFrameAnalyzer(models: FrameModels): FrameAnalyzer {
  return {
    async analyze(image) {
      // The frame becomes a tensor once, for both networks.
      const pixels = toRgbTensor(image);
      try {
        const { faces, timings } = await models.landmarks.detect(pixels);
        const primary = largestFace(faces);
        const { ms: classifierMs, ...quality } = await models.classifier.classify(pixels, primary?.box);
        const eyes = primary && quality.label === 'good' && !quality.uncertain ? models.eyes.run(image, primary) : null;
        const measures = primary ? computeMeasures(image, primary, faces) : null;
        return {
          faces: faces.map((face) => ({ ...face, luminance: faceLuminance(image, face.box) })),
          quality,
          measures,
          verdict: fuseVerdict(quality, measures, models.fusion),
          eyes: eyes && summariseEyes(eyes),
          timings: { ...timings, classifierMs, eyesMs: eyes?.timings.totalMs ?? 0 },
        };
      } finally {
        pixels.dispose();
      }
    },
    dispose() {
      models.landmarks.dispose();
      models.classifier.dispose();
      models.eyes.dispose();
    },
  };
}
