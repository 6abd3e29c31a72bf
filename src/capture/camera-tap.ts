/**
 * The camera tap, run in the page's MAIN world at document_start. It wraps getUserMedia so that when
 * the page obtains a camera track, FaceReady samples frames from a CLONE of it. The page's stream,
 * tracks and constraints are never touched, and if anything here fails the page's call still
 * resolves exactly as it would have without FaceReady.
 */
import { createCameraStreams } from './camera-streams';
import { fitWithin } from './downscale';
import { createFrameRateLimiter, type FrameRateLimiter } from './frame-rate-limiter';
import { OVERLAY_CHANNEL, TAP_CHANNEL, tapConfig, type TapMessage } from '../protocol/messages';
import { DEFAULT_SAMPLING } from './sampling';

interface TappedCamera {
  /** The page's own track: watched, never modified. */
  pageTrack: MediaStreamTrack;
  /** Our clone, stopped as soon as the page's track ends so the camera is not kept open. */
  clone: MediaStreamTrack;
  video: HTMLVideoElement;
}

export function installCameraTap(win: Window & typeof globalThis): void {
  const proto = win.MediaDevices?.prototype;
  const original = proto?.getUserMedia;
  if (!proto || !original) return;

  const cameras = createCameraStreams<TappedCamera>();
  let limiter: FrameRateLimiter = createFrameRateLimiter(DEFAULT_SAMPLING.fps);
  let maxSide: number = DEFAULT_SAMPLING.maxSide;
  let timer: number | undefined;
  let grabbing = false;

  const post = (message: TapMessage) => win.postMessage(message, win.location.origin);
  const reportError = (error: unknown) =>
    post({ channel: TAP_CHANNEL, type: 'tap-error', error: error instanceof Error ? error.message : String(error) });

  function release(id: string, camera: TappedCamera) {
    if (!cameras.list().some((live) => live.id === id)) return;
    const wasCurrent = cameras.current()?.id === id;
    camera.clone.stop();
    camera.video.srcObject = null;
    cameras.end(id);
    post({ channel: TAP_CHANNEL, type: 'camera-ended', streamId: id, liveStreams: cameras.size });
    const next = cameras.current();
    if (!next) stopSampling();
    else if (wasCurrent) announce(next.id, next.stream);
  }

  function announce(id: string, camera: TappedCamera) {
    post({ channel: TAP_CHANNEL, type: 'camera-started', streamId: id, label: camera.pageTrack.label });
  }

  async function tick() {
    // The page stopping its track fires no 'ended' event, so liveness is polled here; our clone
    // of a stopped track is stopped at once so FaceReady never keeps the camera on.
    for (const { id, stream } of cameras.list()) if (stream.pageTrack.readyState === 'ended') release(id, stream);
    const live = cameras.current();
    if (!live || grabbing || live.stream.video.readyState < 2) return;
    const now = performance.now();
    if (!limiter.take(now)) return;
    grabbing = true;
    try {
      const { video } = live.stream;
      const size = fitWithin(video.videoWidth, video.videoHeight, maxSide);
      const bitmap = await createImageBitmap(video, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'medium' });
      const message = { channel: TAP_CHANNEL, type: 'frame', streamId: live.id, capturedAt: now, grabMs: performance.now() - now, bitmap } as const;
      win.postMessage(message, win.location.origin, [bitmap]);
    } catch (error) {
      reportError(error);
    } finally {
      grabbing = false;
    }
  }

  function startSampling() {
    if (timer === undefined) timer = win.setInterval(tick, Math.max(10, 250 / limiter.fps));
  }
  function stopSampling() {
    if (timer !== undefined) win.clearInterval(timer);
    timer = undefined;
  }

  function tap(stream: MediaStream) {
    for (const pageTrack of stream.getVideoTracks()) {
      const clone = pageTrack.clone();
      const video = win.document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = new MediaStream([clone]);
      void video.play().catch(reportError);
      const id = `${stream.id}/${pageTrack.id}`;
      const camera = { pageTrack, clone, video };
      cameras.add(id, camera);
      pageTrack.addEventListener('ended', () => release(id, camera), { once: true });
      announce(id, camera);
    }
    if (cameras.size > 0) startSampling();
  }

  async function getUserMedia(this: MediaDevices, constraints?: MediaStreamConstraints): Promise<MediaStream> {
    const stream = await original!.call(this, constraints);
    try {
      tap(stream);
    } catch (error) {
      reportError(error);
    }
    return stream;
  }
  Object.defineProperty(proto, 'getUserMedia', { ...Object.getOwnPropertyDescriptor(proto, 'getUserMedia'), value: getUserMedia });

  win.addEventListener('message', (event) => {
    if (event.source !== win || event.data?.channel !== OVERLAY_CHANNEL) return;
    if (tapConfig(event.data) !== null) return;
    try {
      limiter = createFrameRateLimiter(event.data.fps);
      maxSide = event.data.maxSide;
    } catch (error) {
      reportError(error);
    }
    // The overlay may have started after the camera: tell it what is live.
    const live = cameras.current();
    if (live) announce(live.id, live.stream);
    if (live && timer !== undefined) {
      stopSampling();
      startSampling();
    }
  });
}
