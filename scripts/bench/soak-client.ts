/**
 * Runs inside an extension page during `npm run soak` (bundled by esbuild and injected): reads
 * the fake camera, encodes each frame with the overlay's own encoder, sends it to the engine over
 * the overlay's port, one at a time, and asks the engine for tf.memory() when told to.
 */
import { wallClockMs } from '../../src/clock';
import { encodeFrame } from '../../src/capture/encode-frame';
import { fitWithin } from '../../src/capture/downscale';
import { DEFAULT_SAMPLING } from '../../src/capture/sampling';
import { connectReadyEngine } from './engine-port';

export interface SoakMemory {
  tensors: number | null;
  bytes: number | null;
}

export interface SoakRun {
  backend: string;
  frames: number;
  failed: number;
  facesFound: number;
}

async function startSoak() {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true });
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = stream;
  await video.play();
  const { port, backend, next } = await connectReadyEngine();
  let frameId = 0;

  return {
    async memory(): Promise<SoakMemory> {
      port.postMessage({ type: 'memory' });
      const event = await next((e) => e.type === 'memory');
      return event.type === 'memory' ? { tensors: event.tensors, bytes: event.bytes } : { tensors: null, bytes: null };
    },
    /** Sends `count` camera frames, one in flight at a time, as the overlay does. */
    async run(count: number): Promise<SoakRun> {
      let failed = 0;
      let facesFound = 0;
      for (let i = 0; i < count; i++) {
        const size = fitWithin(video.videoWidth, video.videoHeight, DEFAULT_SAMPLING.maxSide);
        const bitmap = await createImageBitmap(video, { resizeWidth: size.width, resizeHeight: size.height });
        const encoded = await encodeFrame(bitmap, 'jpeg');
        bitmap.close();
        const id = ++frameId;
        port.postMessage({ type: 'analyze', frame: { frameId: id, streamId: 'soak', capturedAt: performance.now(), sentAt: wallClockMs(), width: encoded.width, height: encoded.height, encoding: 'jpeg', data: encoded.data } });
        const answer = await next((e) => (e.type === 'analysis' && e.analysis.frameId === id) || (e.type === 'analysis-error' && e.frameId === id));
        if (answer.type === 'analysis') facesFound += answer.analysis.faces.length > 0 ? 1 : 0;
        else failed++;
      }
      return { backend, frames: count, failed, facesFound };
    },
  };
}

(globalThis as unknown as { startSoak: typeof startSoak }).startSoak = startSoak;
