/**
 * The video tap, run in the page's MAIN world at document_start. It sees every video the page
 * plays — camera tracks from getUserMedia, incoming WebRTC tracks, other <video> elements — lists
 * them for the overlay and samples frames from the ONE source chosen (automatically, or by the
 * user). Tracks are read through a CLONE made only while that source is sampled; page videos are
 * read from the element. The page's streams, tracks, connections and elements are never modified,
 * and if anything here fails, the page's own calls behave exactly as without FaceReady.
 *
 * This is the trust boundary inside the page: what the tap posts is shortened to the protocol's
 * caps, its errors cross as codes (never as text), and what it receives is parsed and rebuilt
 * before use, since the page can post on the same channel (docs/security.md).
 */
import { cameraErrorCode } from './camera-error';
import { fitWithin } from './downscale';
import { createFrameRateLimiter, type FrameRateLimiter } from './frame-rate-limiter';
import { hookPeerConnections } from './peer-connection-hook';
import { DEFAULT_SAMPLING } from './sampling';
import { videoReadability } from './video-readability';
import { AUTO_SELECTION, createSourceRegistry, pickSource, sampledSourceId, type SourceSelection } from './video-sources';
import { parseOrNull } from '../protocol/check';
import { MAX_VIDEO_SOURCES, OVERLAY_CHANNEL, overlayToTap, TAP_CHANNEL, TAP_LIMITS, type SourceKind, type TapErrorCode, type TapMessage, type UnreadableReason } from '../protocol/messages';

interface TappedSource {
  /** The page's own track (camera or remote participant): watched, never modified. */
  track: MediaStreamTrack | null;
  /** The page's own <video> element, for other videos: read, never modified. */
  element: HTMLVideoElement | null;
  /** What that element played when it was listed; if the page points it elsewhere, it is a new source (readable or not). */
  elementSource: MediaStream | string | null;
}

/** The source being sampled. For a track, our clone plays in a detached <video> and is stopped when sampling moves on. */
interface Sampler {
  id: string;
  video: HTMLVideoElement;
  clone: MediaStreamTrack | null;
}

const liveVideoTracks = (stream: MediaStream) => stream.getVideoTracks().filter((track) => track.readyState === 'live');
/** Page-chosen text (a remote peer picks its track ids, a page its video URLs) cut to the protocol's cap. */
const capped = (text: string, maxLength: number) => (text.length > maxLength ? text.slice(0, maxLength) : text);

export function installVideoTap(win: Window & typeof globalThis): void {
  const sources = createSourceRegistry<TappedSource>();
  let selection: SourceSelection = AUTO_SELECTION;
  let sampler: Sampler | null = null;
  let limiter: FrameRateLimiter = createFrameRateLimiter(DEFAULT_SAMPLING.fps);
  let maxSide: number = DEFAULT_SAMPLING.maxSide;
  let timer: number | undefined;
  let grabbing = false;
  /** Set by the overlay's `stop`: no sampling, no polling, until its next `configure`. */
  let stopped = false;
  /** Page videos that played but are not listed yet (no frame to test readability on yet). */
  const pendingVideos = new Set<HTMLVideoElement>();
  let videoCount = 0;

  const post = (message: TapMessage) => win.postMessage(message, win.location.origin);
  /** The overlay words the code itself; the browser's own text stays in the page's console. */
  const reportError = (code: TapErrorCode) => (error: unknown) => {
    console.warn('FaceReady video tap:', code, error);
    post({ channel: TAP_CHANNEL, type: 'tap-error', code });
  };

  const publish = () =>
    post({ channel: TAP_CHANNEL, type: 'sources', sources: sources.infos().slice(-MAX_VIDEO_SOURCES), sampledId: sampler?.id ?? null });

  function announce() {
    const info = sampler && sources.get(sampler.id)?.info;
    if (info) post({ channel: TAP_CHANNEL, type: 'camera-started', streamId: info.id, label: info.detail, kind: info.kind });
  }

  function startSampler(id: string) {
    const { track, element } = sources.get(id)!.payload;
    if (element) {
      sampler = { id, video: element, clone: null };
    } else {
      const clone = track!.clone();
      const video = win.document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = new MediaStream([clone]);
      void video.play().catch(reportError('play-failed'));
      sampler = { id, video, clone };
    }
  }

  function stopSampler() {
    if (sampler?.clone) {
      // Stopped at once so FaceReady never keeps a camera open or a decoder busy.
      sampler.clone.stop();
      sampler.video.srcObject = null;
    }
    sampler = null;
  }

  /** Applies the selection rule after any change; `endedId` is a source that just ended. */
  function resample(endedId: string | null) {
    if (stopped) return;
    const next = sampledSourceId(sources.infos(), selection);
    const previous = sampler?.id ?? null;
    if (next !== previous) {
      stopSampler();
      if (previous !== null && previous === endedId) post({ channel: TAP_CHANNEL, type: 'camera-ended', streamId: previous, liveStreams: next === null ? 0 : 1 });
      if (next !== null) {
        startSampler(next);
        announce();
      }
    }
    publish();
    updateTimer();
  }

  function addSource(id: string, kind: SourceKind, detail: string, payload: TappedSource, unreadable: UnreadableReason | null = null) {
    if (sources.get(id)) return;
    sources.add(id, kind, capped(detail, TAP_LIMITS.detailLength), unreadable, payload);
    resample(null);
  }

  function release(id: string) {
    if (!sources.end(id)) return;
    resample(id);
  }

  const playing = (video: HTMLVideoElement) => (video.srcObject instanceof MediaStream ? video.srcObject : video.currentSrc);

  function isLive({ track, element, elementSource }: TappedSource): boolean {
    if (track) return track.readyState === 'live';
    const video = element!;
    if (!video.isConnected || video.ended || playing(video) !== elementSource) return false;
    return video.srcObject instanceof MediaStream ? liveVideoTracks(video.srcObject).length > 0 : video.currentSrc !== '';
  }

  /** A <video> showing tracks that are listed already (a self-view, a remote tile) is the same source, not another one. */
  function mirrorsListedTracks(video: HTMLVideoElement): boolean {
    if (!(video.srcObject instanceof MediaStream)) return false;
    const tracks = liveVideoTracks(video.srcObject);
    const listed = new Set(sources.list().flatMap(({ payload }) => (payload.track ? [payload.track.id] : [])));
    return tracks.length > 0 && tracks.every((track) => listed.has(track.id));
  }

  function admitPendingVideos() {
    for (const video of pendingVideos) {
      if (!video.isConnected || mirrorsListedTracks(video)) {
        pendingVideos.delete(video);
        continue;
      }
      const readability = videoReadability(video);
      if (readability === 'unknown') continue;
      pendingVideos.delete(video);
      addSource(`video:${++videoCount}`, 'video', video.currentSrc, { track: null, element: video, elementSource: playing(video) }, readability);
    }
  }

  function noticeVideo(target: EventTarget | null) {
    if (!(target instanceof win.HTMLVideoElement) || sources.list().some(({ payload }) => payload.element === target)) return;
    pendingVideos.add(target);
    updateTimer();
  }

  async function grab() {
    const live = sampler;
    if (!live || grabbing || live.video.readyState < 2 || live.video.videoWidth === 0) return;
    const now = performance.now();
    if (!limiter.take(now)) return;
    grabbing = true;
    try {
      const { video } = live;
      const size = fitWithin(video.videoWidth, video.videoHeight, maxSide);
      const bitmap = await createImageBitmap(video, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'medium' });
      const message = { channel: TAP_CHANNEL, type: 'frame', streamId: live.id, capturedAt: now, grabMs: performance.now() - now, bitmap } as const;
      win.postMessage(message, win.location.origin, [bitmap]);
    } catch (error) {
      reportError('grab-failed')(error);
    } finally {
      grabbing = false;
    }
  }

  function tick() {
    // A page that stops its track fires no 'ended' event, and a closed connection ends its
    // tracks silently, so liveness is polled here.
    for (const { info, payload } of sources.list()) if (!isLive(payload)) release(info.id);
    if (pendingVideos.size > 0) admitPendingVideos();
    void grab();
  }

  function updateTimer() {
    if (stopped) return;
    const needed = sources.size > 0 || pendingVideos.size > 0;
    if (needed && timer === undefined) timer = win.setInterval(tick, Math.max(10, 250 / limiter.fps));
    if (!needed && timer !== undefined) {
      win.clearInterval(timer);
      timer = undefined;
    }
  }

  function tapTrack(kind: 'camera' | 'remote', track: MediaStreamTrack) {
    const id = capped(`${kind}:${track.id}`, TAP_LIMITS.idLength);
    addSource(id, kind, track.label, { track, element: null, elementSource: null });
    track.addEventListener('ended', () => release(id), { once: true });
  }

  const guarded = (work: () => void) => {
    try {
      work();
    } catch (error) {
      reportError('tap-failed')(error);
    }
  };

  const proto = win.MediaDevices?.prototype;
  const getUserMedia = proto?.getUserMedia;
  if (proto && getUserMedia) {
    const tappedGetUserMedia = async function (this: MediaDevices, constraints?: MediaStreamConstraints): Promise<MediaStream> {
      let stream: MediaStream;
      try {
        stream = await getUserMedia.call(this, constraints);
      } catch (error) {
        // Only the error's name crosses, as a code; the page gets its own error back unchanged.
        if (constraints?.video) guarded(() => post({ channel: TAP_CHANNEL, type: 'camera-error', code: cameraErrorCode(error) }));
        throw error;
      }
      guarded(() => stream.getVideoTracks().forEach((track) => tapTrack('camera', track)));
      return stream;
    };
    Object.defineProperty(proto, 'getUserMedia', { ...Object.getOwnPropertyDescriptor(proto, 'getUserMedia'), value: tappedGetUserMedia });
  }
  guarded(() => hookPeerConnections(win, (track) => guarded(() => tapTrack('remote', track))));
  // Media events do not bubble, but they pass the window while capturing.
  win.addEventListener('play', (event) => guarded(() => noticeVideo(event.target)), true);

  win.addEventListener('message', (event) => {
    if (event.source !== win || event.data?.channel !== OVERLAY_CHANNEL) return;
    const message = parseOrNull(overlayToTap, event.data);
    if (!message) return;
    if (message.type === 'select-source') {
      selection = pickSource(sources.infos(), message.sourceId, selection);
      return guarded(() => resample(null));
    }
    if (message.type === 'stop') {
      // Nobody is left to analyse frames: release the clone and stop polling. Sources stay listed,
      // so a `configure` from a new overlay resumes where this one left off.
      stopped = true;
      return guarded(() => {
        stopSampler();
        if (timer !== undefined) win.clearInterval(timer);
        timer = undefined;
      });
    }
    guarded(() => {
      limiter = createFrameRateLimiter(message.fps);
      maxSide = message.maxSide;
      if (selection.mode === 'auto' && selection.prefer !== message.prefer) {
        selection = { mode: 'auto', prefer: message.prefer };
        resample(null);
      }
    });
    if (stopped) {
      stopped = false;
      guarded(() => resample(null));
    }
    guarded(() => {
      // The overlay may have started after the page's videos: tell it what is there.
      for (const video of win.document.querySelectorAll('video')) if (!video.paused) noticeVideo(video);
      publish();
      announce();
      if (timer !== undefined) {
        win.clearInterval(timer);
        timer = undefined;
      }
      updateTimer();
    });
  });
}
