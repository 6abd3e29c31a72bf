/**
 * The analysis engine of the offscreen document: starts a TF.js backend, loads the models shipped
 * in the extension, and turns wire frames into plain-data analyses.
 */
import { wallClockMs } from '../clock';
import { createFrameAnalyzer, type FrameAnalyzer } from '../model/analyze';
import { createFaceLandmarker } from '../model/face';
import type { FrameAnalysis, WireFrame } from '../protocol/messages';
import { backendOrder, startBackend, webglRenderer, type BackendChoice, type BackendName } from './backend';
import { decodeFrame } from './decode-frame';

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

export const FACE_MODEL_PATHS = {
  detector: 'models/vendor/human/blazeface.json',
  mesh: 'models/vendor/human/facemesh.json',
  iris: 'models/vendor/human/iris.json',
} as const;

export async function createAnalysisEngine(options: AnalysisEngineOptions): Promise<AnalysisEngine> {
  const backend = await startBackend(backendOrder(options.backend, webglRenderer()), options.assetUrl('wasm/'));
  const landmarker = await createFaceLandmarker({
    models: {
      detector: options.assetUrl(FACE_MODEL_PATHS.detector),
      mesh: options.assetUrl(FACE_MODEL_PATHS.mesh),
      iris: options.assetUrl(FACE_MODEL_PATHS.iris),
    },
  });
  const analyzer: FrameAnalyzer = createFrameAnalyzer(landmarker);
  return {
    backend,
    async analyze(frame, receivedAt) {
      const start = performance.now();
      const image = await decodeFrame(frame);
      const decodeMs = performance.now() - start;
      const { faces, timings } = await analyzer.analyze(image);
      return {
        frameId: frame.frameId,
        streamId: frame.streamId,
        width: image.width,
        height: image.height,
        capturedAt: frame.capturedAt,
        backend,
        faces,
        timings: { transportMs: receivedAt - frame.sentAt, decodeMs, ...timings, totalMs: wallClockMs() - frame.sentAt },
      };
    },
    dispose() {
      analyzer.dispose();
    },
  };
}
