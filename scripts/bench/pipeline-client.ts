/**
 * Runs inside an extension page during `npm run bench:pipeline` (bundled by esbuild and injected).
 * Two engines see the same frames, one frame each in turn, so both meet the same machine load:
 * - the shipped one: the offscreen document's engine, over the overlay's runtime port, with the
 *   overlay's encoder, faces tracked along the stream;
 * - the baseline (the pipeline before issue 15): an engine made in this page with one WASM thread and
 *   the Haar eye cascade on every face, fed JPEG frames decoded through createImageBitmap and a canvas,
 *   each frame on a stream of its own (so the
 *   detector runs on every frame);
 * - or, with `samePipeline`, a control: an engine made in this page with the shipped configuration
 *   (tracked along the clip, cascade when ambiguous, the overlay's encoding and decoder), so the two
 *   differ only in the document they run in.
 */
import { wallClockMs } from '../../src/clock';
import { encodeFrame, type FrameEncoding } from '../../src/capture/encode-frame';
import { createAnalysisEngine, type AnalysisEngine } from '../../src/engine/engine';
import type { FrameAnalysis, WireFrame } from '../../src/protocol/messages';
import { connectReadyEngine } from './engine-port';

declare const chrome: typeof Browser;

/** One engine's figures for one frame. */
export interface EngineSample {
  /** Page main-thread time of the encoding, and the whole encoding. */
  blockMs: number;
  encodeMs: number;
  bytes: number;
  /** Receipt to result: everything the engine does for the frame (decode, models, measures, glue). */
  engineMs: number;
  roundTripMs: number;
  analysis: FrameAnalysis;
}

export interface ClipSample {
  frame: number;
  baseline: EngineSample;
  shipped: EngineSample;
}

export interface ClipSpec {
  name: string;
  /** A still image (data: URL) the clip is drawn from. */
  imageUrl: string;
  frames: number;
  /** Moves and scales the face along a smooth path (the synthetic moving-face clip); otherwise every frame is the still. */
  moving: boolean;
}

export interface CompareRun {
  shippedBackend: string;
  baselineBackend: string;
  clips: { name: string; samples: ClipSample[] }[];
}

/** Frame `index` of a clip, 640×480: the still, or the still shifted (±60 px, ±30 px) and scaled (0.9–1.1) along smooth cycles. */
async function clipFrame(image: ImageBitmap, clip: ClipSpec, index: number): Promise<ImageBitmap> {
  if (!clip.moving) return createImageBitmap(image);
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#404040';
  context.fillRect(0, 0, canvas.width, canvas.height);
  const scale = 1 + 0.1 * Math.sin((2 * Math.PI * index) / 40);
  const dx = 60 * Math.sin((2 * Math.PI * index) / 30);
  const dy = 30 * Math.sin((2 * Math.PI * index) / 23);
  const w = image.width * scale;
  const h = image.height * scale;
  context.drawImage(image, (canvas.width - w) / 2 + dx, (canvas.height - h) / 2 + dy, w, h);
  return createImageBitmap(canvas);
}

async function encodeWire(bitmap: ImageBitmap, encoding: FrameEncoding, frameId: number, streamId: string) {
  const encoded = await encodeFrame(bitmap, encoding);
  const frame: WireFrame = { frameId, streamId, capturedAt: performance.now(), sentAt: wallClockMs(), width: encoded.width, height: encoded.height, encoding, data: encoded.data };
  return { encoded, frame };
}

/** Runs the clips through both engines; `shippedEncoding` is what the overlay sends. */
async function benchCompare(clips: ClipSpec[], shippedEncoding: FrameEncoding, samePipeline: boolean): Promise<CompareRun> {
  const session = await connectReadyEngine();
  const assetUrl = (path: string) => chrome.runtime.getURL(`/${path}` as '/');
  const baseline: AnalysisEngine = await createAnalysisEngine(
    samePipeline ? { backend: 'wasm', assetUrl } : { backend: 'wasm', assetUrl, wasmThreads: 1, cascadeRuns: 'always', jpegDecode: 'bitmap' },
  );
  let frameId = 0;
  const run: CompareRun = { shippedBackend: session.backend, baselineBackend: baseline.backend, clips: [] };
  try {
    for (const clip of clips) {
      const image = await createImageBitmap(await (await fetch(clip.imageUrl)).blob());
      const samples: ClipSample[] = [];
      for (let i = 0; i < clip.frames; i++) {
        const bitmap = await clipFrame(image, clip, i);
        // Baseline: old transport (JPEG), a fresh stream per frame so no track carries over; the control is tracked like the shipped one.
        const old = samePipeline
          ? await encodeWire(bitmap, shippedEncoding, ++frameId, `baseline-${clip.name}`)
          : await encodeWire(bitmap, 'jpeg', ++frameId, `baseline-${frameId}`);
        const baselineStart = performance.now();
        const { analysis: baselineAnalysis } = await baseline.analyze(old.frame, wallClockMs(), 'bench');
        const baselineMs = performance.now() - baselineStart;
        // Shipped: the overlay's encoding over the port, one stream per clip (tracked).
        const sent = performance.now();
        const now = await encodeWire(bitmap, shippedEncoding, ++frameId, `shipped-${clip.name}`);
        bitmap.close();
        session.port.postMessage({ type: 'analyze', frame: { ...now.frame, sentAt: wallClockMs() } });
        const event = await session.next((e) => e.type !== 'engine-state');
        if (event.type !== 'analysis') throw new Error(`frame failed: ${JSON.stringify(event)}`);
        const { timings } = event.analysis;
        samples.push({
          frame: i,
          baseline: { blockMs: old.encoded.blockMs, encodeMs: old.encoded.encodeMs, bytes: old.encoded.data.length, engineMs: baselineMs, roundTripMs: baselineMs, analysis: baselineAnalysis },
          shipped: {
            blockMs: now.encoded.blockMs,
            encodeMs: now.encoded.encodeMs,
            bytes: now.encoded.data.length,
            engineMs: timings.totalMs - timings.transportMs,
            roundTripMs: performance.now() - sent,
            analysis: event.analysis,
          },
        });
      }
      image.close();
      run.clips.push({ name: clip.name, samples });
    }
  } finally {
    session.port.disconnect();
    baseline.dispose();
  }
  return run;
}

Object.assign(globalThis, { benchCompare });
