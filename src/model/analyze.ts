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
import type { DetectOptions, FaceLandmarkSource } from './face';
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
  /** measuresMs: the quality measures, face luminance and the fused verdict together. */
  timings: { detectorMs: number; meshMs: number; irisMs: number; classifierMs: number; eyesMs: number; measuresMs: number };
}

export interface FrameAnalyzer {
  /** `track` names the video stream the frame belongs to (faces are tracked along it); leave it out for a still. */
  analyze(image: RgbaImage, options?: DetectOptions): Promise<FrameResult>;
  dispose(): void;
}

function summariseEyes(result: EyeStateResult): EyeSummary {
  const eye = (e: EyeStateResult['left']) => ({ state: e.state, ear: e.ear });
  const { state, landmarkState, haarState, openness, closedLogit, confidentlyClosed, cascadeRan } = result;
  return { state, landmarkState, haarState, openness, closedLogit, confidentlyClosed, cascadeRan, right: eye(result.right), left: eye(result.left) };
}

export function createFrameAnalyzer(models: FrameModels): FrameAnalyzer {
  return {
    async analyze(image, options) {
      // The frame becomes a tensor once, for both networks.
      const pixels = toRgbTensor(image);
      try {
        const { faces, timings } = await models.landmarks.detect(pixels, options);
        const primary = largestFace(faces);
        const { ms: classifierMs, ...quality } = await models.classifier.classify(pixels, primary?.box);
        const eyes = primary && quality.label === 'good' && !quality.uncertain ? models.eyes.run(image, primary) : null;
        const measuresStart = performance.now();
        const measures = primary ? computeMeasures(image, primary, faces) : null;
        const summaries = faces.map((face) => ({ ...face, luminance: faceLuminance(image, face.box) }));
        const verdict = fuseVerdict(quality, measures, models.fusion);
        const measuresMs = performance.now() - measuresStart;
        return {
          faces: summaries,
          quality,
          measures,
          verdict,
          eyes: eyes && summariseEyes(eyes),
          timings: { ...timings, classifierMs, eyesMs: eyes?.timings.totalMs ?? 0, measuresMs },
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
