/**
 * The analysis engine of the offscreen document: starts a TF.js backend, loads the models shipped
 * in the extension, and turns wire frames into plain-data analyses.
 */
import { wallClockMs } from '../clock';
import { createFrameAnalyzer } from '../model/analyze';
import { validateFusionConfig } from '../model/fusion/fusion-config';
import { classifierInputImage, createQualityClassifier, explainableClassifier, type ClassifierConfig } from '../model/classifier';
import type { Box } from '../model/face';
import { largestFace } from '../model/measures/largest-face';
import type { RgbaImage } from '../image';
import { explainSet, type ExplainSetOptions, type ExplanationSet } from '../xai/explain-set';
import { createEyeStateDetector } from '../model/eyes';
import { createFaceLandmarker } from '../model/face';
import type { FrameAnalysis, WireFrame } from '../protocol/messages';
import { backendOrder, startBackend, webglRenderer, type BackendChoice, type BackendName } from './backend';
import { decodeFrame } from './decode-frame';
import { fetchAsset } from './fetch-asset';

export interface AnalysisEngineOptions {
  /** Resolves a path inside the extension (e.g. "models/vendor/human/blazeface.json") to a URL. */
  assetUrl(path: string): string;
  backend: BackendChoice;
}

/** What an explanation is of: an analysed frame and the face the classifier looked at. */
export interface ExplainSubject {
  image: RgbaImage;
  faceBox?: Box;
}

export interface AnalysisEngine {
  readonly backend: BackendName;
  analyze(frame: WireFrame, receivedAt: number): Promise<{ analysis: FrameAnalysis; subject: ExplainSubject }>;
  /** The crop the classifier saw in an analysed frame: what explanations are of. */
  explainedImage(subject: ExplainSubject): RgbaImage;
  /** Explains the classifier's decision on that crop. */
  explain(image: RgbaImage, options: ExplainSetOptions): Promise<ExplanationSet>;
  dispose(): void;
}

/** Every model file the engine loads, relative to the extension root. */
export const MODEL_PATHS = {
  detector: 'models/vendor/human/blazeface.json',
  mesh: 'models/vendor/human/facemesh.json',
  iris: 'models/vendor/human/iris.json',
  classifier: 'models/classifier/model.json',
  classifierConfig: 'models/classifier/config.json',
  fusionConfig: 'models/classifier/fusion.json',
  eyeCascade: 'models/vendor/opencv/haarcascade_eye.xml',
} as const;

export async function createAnalysisEngine(options: AnalysisEngineOptions): Promise<AnalysisEngine> {
  const url = (key: keyof typeof MODEL_PATHS) => options.assetUrl(MODEL_PATHS[key]);
  const backend = await startBackend(backendOrder(options.backend, webglRenderer()), options.assetUrl('wasm/'));
  const [landmarks, classifier, eyes, fusion] = await Promise.all([
    createFaceLandmarker({ models: { detector: url('detector'), mesh: url('mesh'), iris: url('iris') } }),
    fetchAsset(url('classifierConfig'), 'json').then((config) => createQualityClassifier({ model: url('classifier'), config: config as ClassifierConfig })),
    createEyeStateDetector({ cascade: () => fetchAsset(url('eyeCascade'), 'text') }),
    fetchAsset(url('fusionConfig'), 'json').then(validateFusionConfig),
  ]);
  const analyzer = createFrameAnalyzer({ landmarks, classifier, eyes, fusion });
  const explainable = explainableClassifier(classifier.model, classifier.config);
  return {
    backend,
    async analyze(frame, receivedAt) {
      const start = performance.now();
      const image = await decodeFrame(frame);
      const decodeMs = performance.now() - start;
      const { faces, quality, measures, verdict, eyes, timings } = await analyzer.analyze(image);
      const analysis: FrameAnalysis = {
        frameId: frame.frameId,
        streamId: frame.streamId,
        width: image.width,
        height: image.height,
        capturedAt: frame.capturedAt,
        backend,
        faces,
        quality,
        measures,
        verdict,
        eyes,
        timings: { transportMs: receivedAt - frame.sentAt, decodeMs, ...timings, totalMs: wallClockMs() - frame.sentAt },
      };
      return { analysis, subject: { image, faceBox: largestFace(faces)?.box } };
    },
    explainedImage(subject) {
      return classifierInputImage(subject.image, subject.faceBox, classifier.config);
    },
    explain(image, options) {
      return explainSet(explainable, image, options);
    },
    dispose() {
      analyzer.dispose();
    },
  };
}
