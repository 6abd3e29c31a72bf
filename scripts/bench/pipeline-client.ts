/**
 * Runs inside an extension page during `npm run bench:pipeline` (bundled by esbuild and injected):
 * encodes frames with the overlay's own encoder, sends them to the engine over the same port the
 * overlay uses, and returns per-frame figures.
 */
import { wallClockMs } from '../../src/clock';
import { encodeFrame, type FrameEncoding } from '../../src/capture/encode-frame';
import type { FrameAnalysis } from '../../src/protocol/messages';
import { connectReadyEngine } from './engine-port';

export interface PipelineSample {
  encoding: FrameEncoding;
  blockMs: number;
  encodeMs: number;
  bytes: number;
  roundTripMs: number;
  faces: number;
  timings: FrameAnalysis['timings'];
}

export interface PipelineRun {
  backend: string;
  readyMs: number;
  samples: PipelineSample[];
}

async function benchPipeline(imageUrl: string, encodings: FrameEncoding[], frames: number, warmup: number): Promise<PipelineRun> {
  const image = await createImageBitmap(await (await fetch(imageUrl)).blob());
  const start = performance.now();
  const { port, backend, next } = await connectReadyEngine();
  const readyMs = performance.now() - start;

  const samples: PipelineSample[] = [];
  let frameId = 0;
  for (const encoding of encodings) {
    for (let i = 0; i < warmup + frames; i++) {
      const bitmap = await createImageBitmap(image);
      const encoded = await encodeFrame(bitmap, encoding);
      bitmap.close();
      const sent = performance.now();
      port.postMessage({
        type: 'analyze',
        frame: { frameId: ++frameId, streamId: 'bench', capturedAt: sent, sentAt: wallClockMs(), width: encoded.width, height: encoded.height, encoding, data: encoded.data },
      });
      const event = await next((e) => e.type !== 'engine-state');
      if (event.type !== 'analysis') throw new Error(`frame failed: ${JSON.stringify(event)}`);
      if (i >= warmup) {
        samples.push({ encoding, blockMs: encoded.blockMs, encodeMs: encoded.encodeMs, bytes: encoded.data.length, roundTripMs: performance.now() - sent, faces: event.analysis.faces.length, timings: event.analysis.timings });
      }
    }
  }
  port.disconnect();
  return { backend, readyMs, samples };
}

(globalThis as unknown as { benchPipeline: typeof benchPipeline }).benchPipeline = benchPipeline;
