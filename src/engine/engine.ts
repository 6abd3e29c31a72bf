/**
 * The analysis engine of the offscreen document: starts a TF.js backend, loads the models shipped
 * in the extension, and turns wire frames into plain-data analyses.
 */
import { wallClockMs } from '../clock';
import { createFrameAnalyzer } from '../model/analyze';
import { createQualityClassifier, type ClassifierConfig } from '../model/classifier';
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

export interface AnalysisEngine {
  readonly backend: BackendName;
  analyze(frame: WireFrame, receivedAt: number): Promise<FrameAnalysis>;
  dispose(): void;
}

/** Every model file the engine loads, relative to the extension root. */
export const MODEL_PATHS = {
  detector: 'models/vendor/human/blazeface.json',
  mesh: 'models/vendor/human/facemesh.json',
  iris: 'models/vendor/human/iris.json',
  classifier: 'models/classifier/model.json',
  classifierConfig: 'models/classifier/config.json',
  eyeCascade: 'models/vendor/opencv/haarcascade_eye.xml',
} as const;

export async function createAnalysisEngine(options: AnalysisEngineOptions): Promise<AnalysisEngine> {
  const url = (key: keyof typeof MODEL_PATHS) => options.assetUrl(MODEL_PATHS[key]);
  const backend = await startBackend(backendOrder(options.backend, webglRenderer()), options.assetUrl('wasm/'));
  const [landmarks, classifier, eyes] = await Promise.all([
    createFaceLandmarker({ models: { detector: url('detector'), mesh: url('mesh'), iris: url('iris') } }),
    fetchAsset(url('classifierConfig'), 'json').then((config) => createQualityClassifier({ model: url('classifier'), config: config as ClassifierConfig })),
    createEyeStateDetector({ cascade: () => fetchAsset(url('eyeCascade'), 'text') }),
  ]);
  const analyzer = createFrameAnalyzer({ landmarks, classifier, eyes });
  return {
    backend,
    async analyze(frame, receivedAt) {
      const start = performance.now();
      const image = await decodeFrame(frame);
      const decodeMs = performance.now() - start;
      const { faces, quality, eyes, timings } = await analyzer.analyze(image);
      return {
        frameId: frame.frameId,
        streamId: frame.streamId,
        width: image.width,
        height: image.height,
        capturedAt: frame.capturedAt,
        backend,
        faces,
        quality,
        eyes,
        timings: { transportMs: receivedAt - frame.sentAt, decodeMs, ...timings, totalMs: wallClockMs() - frame.sentAt },
      };
    },
    dispose() {
      analyzer.dispose();
    },
  };
}
