/**
 * The analysis engine of the offscreen document: starts a TF.js backend, loads the models shipped
 * in the extension, and turns wire frames into plain-data analyses.
 */
import * as tf from '@tensorflow/tfjs';
import { wallClockMs } from '../clock';
import { settleWithin } from '../model/load-timeout';
import { createFrameAnalyzer } from '../model/analyze';
import { validateFusionConfig } from '../model/fusion/fusion-config';
import { classifierInputImage, createQualityClassifier, explainableClassifier, type ClassifierConfig } from '../model/classifier';
import type { Box } from '../model/face';
import { largestFace } from '../model/measures/largest-face';
import type { RgbaImage } from '../image';
import { explainSet, type ExplainSetOptions, type ExplanationSet } from '../xai/explain-set';
import { createEyeStateDetector, type CascadeRuns } from '../model/eyes';
import { createFaceLandmarker } from '../model/face';
import { STILL_STREAM_ID, type FrameAnalysis, type WireFrame } from '../protocol/messages';
import { backendLabel, backendOrder, startBackend, webglRenderer, type BackendChoice } from './backend';
import { decodeFrame, type JpegDecode } from './decode-frame';
import { fetchAsset } from './fetch-asset';

export interface AnalysisEngineOptions {
  /** Resolves a path inside the extension (e.g. "models/vendor/human/blazeface.json") to a URL. */
  assetUrl(path: string): string;
  backend: BackendChoice;
  /** Start on anything but WebGL (its context was lost: the GPU reset or the browser reclaimed it). */
  avoidWebgl?: boolean;
  /** A WebGL probe an earlier engine of this browser session made (backend-choice.ts): used instead of probing again. */
  webglProbe?: { renderer: string | null };
  /** Told what this engine's own WebGL probe found (not called when `webglProbe` was given). */
  onWebglProbed?(renderer: string | null): void;
  /** The WebGL context the engine runs on was lost: this engine is dead and must be replaced. */
  onWebglContextLost?(): void;
  /** WASM threads; default one per core, at most 4 (backend-wasm-threads.ts). The pipeline benchmark's baseline sets 1. */
  wasmThreads?: number;
  /** When the Haar eye cascade runs; default 'when-ambiguous'. The pipeline benchmark's baseline sets 'always'. */
  cascadeRuns?: CascadeRuns;
  /** How JPEG frames are decoded; default 'image-decoder'. The pipeline benchmark's baseline sets 'bitmap' (the decode before issue 15). */
  jpegDecode?: JpegDecode;
}

/** What an explanation is of: an analysed frame and the face the classifier looked at. */
export interface ExplainSubject {
  image: RgbaImage;
  faceBox?: Box;
}

export interface AnalysisEngine {
  /** What the overlay shows, e.g. "wasm · SIMD · 2 threads". */
  readonly backend: string;
  /** `sender` tells apart the ports (tabs) frames come from: faces are tracked per sender and stream. */
  analyze(frame: WireFrame, receivedAt: number, sender: string): Promise<{ analysis: FrameAnalysis; subject: ExplainSubject }>;
  /** The crop the classifier saw in an analysed frame: what explanations are of. */
  explainedImage(subject: ExplainSubject): RgbaImage;
  /** Explains the classifier's decision on that crop. */
  explain(image: RgbaImage, options: ExplainSetOptions): Promise<ExplanationSet>;
  /** Live tensors and their bytes on the backend (tf.memory()); a leak shows as growth over frames. */
  memory(): { tensors: number; bytes: number };
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
  eyePatchModel: 'models/eyes/eye-patch-model.json',
} as const;

/** Longest wait for one model file (a stalled read fails with its name instead of hanging the engine). */
export const MODEL_LOAD_TIMEOUT_MS = 60_000;

/** Calls `onLost` when the WebGL context TF.js draws on is lost; a no-op on other backends. */
function watchWebglContext(onLost: () => void): void {
  const backend = tf.backend() as { getGPGPUContext?(): { gl: { canvas: EventTarget } } };
  backend.getGPGPUContext?.().gl.canvas.addEventListener('webglcontextlost', onLost, { once: true });
}

export async function createAnalysisEngine(options: AnalysisEngineOptions): Promise<AnalysisEngine> {
  const url = (key: keyof typeof MODEL_PATHS) => options.assetUrl(MODEL_PATHS[key]);
  let renderer: string | null;
  if (options.webglProbe) renderer = options.webglProbe.renderer;
  else {
    renderer = webglRenderer();
    options.onWebglProbed?.(renderer);
  }
  performance.mark('faceready:webgl probed');
  const order = backendOrder(options.backend, renderer).filter((name) => !(options.avoidWebgl && name === 'webgl'));
  const backend = backendLabel(await startBackend(order, options.assetUrl, options.wasmThreads));
  performance.mark('faceready:backend ready');
  const loadClassifier = async () => {
    const config = (await fetchAsset(url('classifierConfig'), 'json', MODEL_LOAD_TIMEOUT_MS)) as ClassifierConfig;
    const timedOut = () => new Error(`Could not load ${MODEL_PATHS.classifier}: timed out after ${MODEL_LOAD_TIMEOUT_MS} ms`);
    return settleWithin(createQualityClassifier({ model: url('classifier'), config }), MODEL_LOAD_TIMEOUT_MS, timedOut, (late) => late.dispose());
  };
  const [fusion, ...models] = await Promise.allSettled([
    fetchAsset(url('fusionConfig'), 'json', MODEL_LOAD_TIMEOUT_MS).then(validateFusionConfig),
    createFaceLandmarker({ models: { detector: url('detector'), mesh: url('mesh'), iris: url('iris') }, loadTimeoutMs: MODEL_LOAD_TIMEOUT_MS }),
    loadClassifier(),
    createEyeStateDetector({
      cascade: () => fetchAsset(url('eyeCascade'), 'text', MODEL_LOAD_TIMEOUT_MS),
      patchModel: () => fetchAsset(url('eyePatchModel'), 'json', MODEL_LOAD_TIMEOUT_MS),
      cascadeRuns: options.cascadeRuns,
    }),
  ]);
  const [landmarks, classifier, eyes] = models;
  if (fusion.status === 'rejected' || landmarks.status === 'rejected' || classifier.status === 'rejected' || eyes.status === 'rejected') {
    // What did load is released, so a retry starts from nothing and a failed start leaks no tensors.
    for (const load of models) if (load.status === 'fulfilled') load.value.dispose();
    throw [fusion, ...models].find((load) => load.status === 'rejected')?.reason;
  }
  performance.mark('faceready:models loaded');
  if (options.onWebglContextLost && backend === 'webgl') watchWebglContext(options.onWebglContextLost);
  const { config } = classifier.value;
  const analyzer = createFrameAnalyzer({ landmarks: landmarks.value, classifier: classifier.value, eyes: eyes.value, fusion: fusion.value });
  const explainable = explainableClassifier(classifier.value.model, config);
  let analysed = 0;
  return {
    backend,
    async analyze(frame, receivedAt, sender) {
      if (analysed === 0) performance.mark('faceready:first frame received');
      const start = performance.now();
      const image = await decodeFrame(frame, options.jpegDecode);
      const decodeMs = performance.now() - start;
      const { faces, quality, measures, verdict, eyes, timings } = await analyzer.analyze(image, { track: frame.streamId === STILL_STREAM_ID ? undefined : JSON.stringify([sender, frame.streamId]) });
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
      if (analysed++ === 0) performance.mark('faceready:first frame analysed', { detail: analysis.timings });
      return { analysis, subject: { image, faceBox: largestFace(faces)?.box } };
    },
    explainedImage(subject) {
      return classifierInputImage(subject.image, subject.faceBox, config);
    },
    explain(image, options) {
      return explainSet(explainable, image, options);
    },
    memory() {
      const { numTensors, numBytes } = tf.memory();
      return { tensors: numTensors, bytes: numBytes };
    },
    dispose() {
      analyzer.dispose();
    },
  };
}
