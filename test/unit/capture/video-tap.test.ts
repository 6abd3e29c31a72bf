/**
 * The video tap is the trust boundary inside the page: whatever it posts must pass the overlay's
 * validator with page-chosen text cut to the caps, its failures must cross as codes, and what it
 * receives on the overlay's channel (which the page can post on too) must be parsed before use.
 * The browser is faked: a window, getUserMedia, a peer connection, <video> elements and bitmaps.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installVideoTap } from '../../../src/capture/video-tap';
import { parse } from '../../../src/protocol/check';
import { MAX_VIDEO_SOURCES, OVERLAY_CHANNEL, TAP_CHANNEL, TAP_LIMITS, tapMessage, type TapMessage } from '../../../src/protocol/messages';

const PAGE_TEXT = 'Your session expired: call +1-555-0100';

class FakeImageBitmap {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
  close() {}
}

class FakeTrack extends EventTarget {
  readyState: 'live' | 'ended' = 'live';
  readonly kind = 'video';
  constructor(
    readonly id: string,
    readonly label: string,
  ) {
    super();
  }
  clone() {
    return new FakeTrack(`${this.id}-clone`, this.label);
  }
  stop() {
    this.readyState = 'ended';
  }
}

class FakeStream {
  constructor(readonly tracks: FakeTrack[]) {}
  getVideoTracks() {
    return this.tracks;
  }
}

class FakeVideo {
  muted = false;
  playsInline = false;
  srcObject: FakeStream | null = null;
  readyState = 4;
  videoWidth = 1280;
  videoHeight = 720;
  paused = false;
  play: () => Promise<void> = async () => undefined;
}

class FakePeerConnection extends EventTarget {}

/** A page window: records what the tap posts, runs its interval by hand. */
function fakePage(options: { play?: () => Promise<void>; cameraError?: Error } = {}) {
  const posted: { message: TapMessage; transfer?: unknown[] }[] = [];
  const timers: (() => void)[] = [];
  const page = new EventTarget();
  const pageStream = new FakeStream([new FakeTrack('cam-1', 'Integrated Camera')]);
  class FakeMediaDevices {
    async getUserMedia(_constraints?: MediaStreamConstraints) {
      if (options.cameraError) throw options.cameraError;
      return pageStream;
    }
  }
  const win = Object.assign(page, {
    location: { origin: 'https://clinic.example' },
    postMessage: (message: TapMessage, _origin: string, transfer?: unknown[]) => posted.push({ message, transfer }),
    MediaDevices: FakeMediaDevices,
    RTCPeerConnection: FakePeerConnection,
    HTMLVideoElement: FakeVideo,
    document: {
      createElement: () => Object.assign(new FakeVideo(), options.play ? { play: options.play } : {}),
      querySelectorAll: () => [],
    },
    setInterval: (tick: () => void) => timers.push(tick),
    clearInterval: () => undefined,
  }) as unknown as Window & typeof globalThis;
  installVideoTap(win);
  const fromOverlay = (data: unknown, source: unknown = win) => page.dispatchEvent(Object.assign(new Event('message'), { data, source }));
  const tick = async () => {
    timers.at(-1)?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const remoteTrack = (track: FakeTrack) => {
    const connection = new (win.RTCPeerConnection as unknown as typeof FakePeerConnection)();
    connection.dispatchEvent(Object.assign(new Event('track'), { track }));
  };
  return { win, posted, pageStream, fromOverlay, tick, remoteTrack, getUserMedia: (constraints: MediaStreamConstraints = { video: true }) => new (win.MediaDevices as unknown as typeof FakeMediaDevices)().getUserMedia(constraints) };
}

let now = 0;
const createImageBitmap = vi.fn(async (_video: unknown, size: { resizeWidth: number; resizeHeight: number }) => new FakeImageBitmap(size.resizeWidth, size.resizeHeight));

beforeEach(() => {
  now = 1000;
  createImageBitmap.mockClear();
  vi.stubGlobal('ImageBitmap', FakeImageBitmap);
  vi.stubGlobal('MediaStream', FakeStream);
  vi.stubGlobal('createImageBitmap', createImageBitmap);
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Every posted message as the overlay would receive it: each must pass the validator. */
const received = (posted: { message: TapMessage }[]) => posted.map(({ message }) => parse(tapMessage, message, 'tap message'));

describe('the video tap', () => {
  it('hands the page its own stream, and announces the camera in messages the overlay accepts', async () => {
    const page = fakePage();
    expect(await page.getUserMedia()).toBe(page.pageStream);
    expect(received(page.posted).map((m) => m.type)).toEqual(['camera-started', 'sources']);
    expect(received(page.posted)[0]).toEqual({ channel: TAP_CHANNEL, type: 'camera-started', streamId: 'camera:cam-1', label: 'Integrated Camera', kind: 'camera' });
  });

  it('cuts ids and labels a remote peer chose to the protocol’s caps, so its messages are never refused', () => {
    const page = fakePage();
    page.remoteTrack(new FakeTrack('i'.repeat(100_000), 'l'.repeat(4 * 1024 * 1024)));
    const messages = received(page.posted);
    const started = messages.find((m) => m.type === 'camera-started');
    expect(started).toMatchObject({ kind: 'remote' });
    expect(started?.type === 'camera-started' && [started.streamId.length, started.label.length]).toEqual([TAP_LIMITS.idLength, TAP_LIMITS.detailLength]);
  });

  it('lists at most MAX_VIDEO_SOURCES of 2,000 incoming tracks in every message, each accepted by the overlay', () => {
    const page = fakePage();
    for (let i = 0; i < 2000; i++) page.remoteTrack(new FakeTrack(`t${i}`, PAGE_TEXT));
    const lists = received(page.posted).flatMap((m) => (m.type === 'sources' ? [m.sources.length] : []));
    expect(lists).toHaveLength(2000);
    expect(Math.max(...lists)).toBe(MAX_VIDEO_SOURCES);
  });

  it('a track whose id getter throws (the page patched it) costs the page its own analysis only: a tap-failed code, the page\'s stream handed back', async () => {
    const page = fakePage();
    Object.defineProperty(page.pageStream.tracks[0], 'id', {
      get() {
        throw new Error(PAGE_TEXT);
      },
    });
    expect(await page.getUserMedia()).toBe(page.pageStream);
    expect(received(page.posted)).toEqual([{ channel: TAP_CHANNEL, type: 'tap-error', code: 'tap-failed' }]);
  });

  it('samples the chosen video within the configured size and transfers the bitmap', async () => {
    const page = fakePage();
    await page.getUserMedia();
    page.fromOverlay({ channel: OVERLAY_CHANNEL, type: 'configure', fps: 10, maxSide: 320, prefer: 'camera' });
    page.posted.length = 0;
    await page.tick();
    const [frame] = page.posted;
    expect(received(page.posted)).toMatchObject([{ type: 'frame', streamId: 'camera:cam-1', capturedAt: 1000 }]);
    expect(frame.transfer).toEqual([(frame.message as { bitmap: unknown }).bitmap]);
    expect(createImageBitmap.mock.calls[0][1]).toMatchObject({ resizeWidth: 320, resizeHeight: 180 });
  });

  it('reports a failure as a code, never with the error’s text', async () => {
    const page = fakePage({ play: () => Promise.reject(new Error(PAGE_TEXT)) });
    await page.getUserMedia();
    await new Promise((resolve) => setTimeout(resolve, 0));
    createImageBitmap.mockRejectedValueOnce(new Error(PAGE_TEXT));
    await page.tick();
    const errors = received(page.posted).filter((m) => m.type === 'tap-error');
    expect(errors).toEqual([
      { channel: TAP_CHANNEL, type: 'tap-error', code: 'play-failed' },
      { channel: TAP_CHANNEL, type: 'tap-error', code: 'grab-failed' },
    ]);
    expect(JSON.stringify(page.posted.map((p) => p.message))).not.toContain('555-0100');
  });

  it('reports a refused camera by its error name only, and hands the page its own error', async () => {
    const refused = Object.assign(new Error(PAGE_TEXT), { name: 'NotAllowedError' });
    const page = fakePage({ cameraError: refused });
    await expect(page.getUserMedia()).rejects.toBe(refused);
    expect(received(page.posted)).toEqual([{ channel: TAP_CHANNEL, type: 'camera-error', code: 'denied' }]);
    // A failed microphone-only request is not about the camera.
    page.posted.length = 0;
    await expect(page.getUserMedia({ audio: true })).rejects.toBe(refused);
    expect(page.posted).toEqual([]);
  });

  it('switches automatic selection to the remote participant when the overlay prefers it (a doctor)', async () => {
    const page = fakePage();
    await page.getUserMedia();
    page.remoteTrack(new FakeTrack('peer-1', 'Patient'));
    page.posted.length = 0;
    page.fromOverlay({ channel: OVERLAY_CHANNEL, type: 'configure', fps: 10, maxSide: 320, prefer: 'remote' });
    expect(received(page.posted).find((m) => m.type === 'camera-started')).toMatchObject({ streamId: 'remote:peer-1', kind: 'remote' });
  });

  it('ignores overlay-channel messages that do not fit, or come from another window', async () => {
    const page = fakePage();
    await page.getUserMedia();
    page.fromOverlay({ channel: OVERLAY_CHANNEL, type: 'configure', fps: 10, maxSide: 200, prefer: 'camera' });
    const valid = page.posted.length;
    const hostile: unknown[] = [
      { channel: OVERLAY_CHANNEL, type: 'configure', fps: NaN, maxSide: 640, prefer: 'camera' },
      { channel: OVERLAY_CHANNEL, type: 'configure', fps: 10, maxSide: 1e9, prefer: 'camera' },
      { channel: OVERLAY_CHANNEL, type: 'configure', fps: Infinity, maxSide: -1, prefer: 'camera' },
      { channel: OVERLAY_CHANNEL, type: 'select-source', sourceId: 'x'.repeat(4 * 1024 * 1024) },
      Object.create({ channel: OVERLAY_CHANNEL, type: 'configure', fps: 60, maxSide: 1024, prefer: 'camera' }),
      JSON.parse(`{"channel": "${OVERLAY_CHANNEL}", "__proto__": {"type": "configure", "fps": 60, "maxSide": 1024}}`),
      { channel: OVERLAY_CHANNEL, type: 'constructor' },
      null,
      'configure',
    ];
    for (const data of hostile) page.fromOverlay(data);
    page.fromOverlay({ channel: OVERLAY_CHANNEL, type: 'configure', fps: 10, maxSide: 1024, prefer: 'camera' }, { other: 'window' });
    expect(page.posted.length).toBe(valid);
    await page.tick();
    expect(createImageBitmap.mock.calls.at(-1)?.[1]).toMatchObject({ resizeWidth: 200 });
  });
});
