import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineConnectionEvents } from '../../../src/protocol/engine-connection';
import type { EngineEvent, EngineRequest, FrameAnalysis } from '../../../src/protocol/messages';
import type { RelayEvent, RelayExplainEvent } from '../../../src/capture/frame-relay';
import { validAnalysis } from '../protocol/wire-fixtures';

// The engine connection is handed to the relay and the canvas encoder is browser-only: a fake connection records what is sent,
// the encoder counts its calls. ImageBitmap is a plain class here, checked with instanceof as in the browser.
const port = vi.hoisted(() => ({ options: null as EngineConnectionEvents | null, sent: [] as EngineRequest[], connected: true, closed: false }));
const encoder = vi.hoisted(() => ({ calls: 0 }));
const connectEngine = (options: EngineConnectionEvents) => {
  port.options = options;
  return { send: (request: EngineRequest) => port.connected && (port.sent.push(request), true), close: () => (port.closed = true) };
};
vi.mock('../../../src/capture/encode-frame', () => ({
  encodeFrame: async (bitmap: { width: number; height: number }) => {
    encoder.calls++;
    return { encoding: 'jpeg', data: '/9j/', width: bitmap.width, height: bitmap.height, blockMs: 0, encodeMs: 0 };
  },
}));
class FakeBitmap {
  close = vi.fn();
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
}
vi.stubGlobal('ImageBitmap', FakeBitmap);

const { startFrameRelay, fitsFrameLimits } = await import('../../../src/capture/frame-relay');
const { FRAME_LIMITS, TAP_CHANNEL, OVERLAY_CHANNEL } = await import('../../../src/protocol/messages');

/** A window whose postMessage delivers synchronously to its listeners, and records what the overlay posts to the tap. */
function fakeWindow() {
  const target = new EventTarget();
  const toTap: unknown[] = [];
  const win = Object.assign(target, {
    location: { origin: 'http://localhost:5174' },
    postMessage: (data: { channel?: string }) => (data.channel === OVERLAY_CHANNEL ? toTap.push(data) : undefined),
  }) as unknown as Window;
  const fromTap = (data: object) => {
    const event = new MessageEvent('message', { data: { channel: TAP_CHANNEL, ...data } });
    Object.defineProperty(event, 'source', { value: win });
    target.dispatchEvent(event);
  };
  return { win, toTap, fromTap };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const emit = (event: EngineEvent) => port.options!.onEvent(event);
const ready = () => emit({ type: 'engine-state', state: { state: 'ready', backend: 'wasm' } });
const sentFrames = () => port.sent.flatMap((r) => (r.type === 'analyze' ? [r.frame.frameId] : []));

function start() {
  const page = fakeWindow();
  const events: RelayEvent[] = [];
  const explains: RelayExplainEvent[] = [];
  const relay = startFrameRelay(page.win, { connectEngine, encoding: 'jpeg', fps: 5, maxSide: 640, prefer: 'camera', onEvent: (e) => events.push(e), onExplainEvent: (e) => explains.push(e) });
  const frame = (bitmap = new FakeBitmap(640, 480)) => (page.fromTap({ type: 'frame', streamId: 'camera:1', capturedAt: 1, grabMs: 1, bitmap }), bitmap);
  return { ...page, events, explains, relay, frame };
}

describe('startFrameRelay', () => {
  beforeEach(() => {
    port.sent = [];
    port.connected = true;
    port.closed = false;
    encoder.calls = 0;
  });

  it('encodes nothing while the engine is not ready, holds the freshest frame for it, and keeps one frame in flight once it is', async () => {
    const { frame } = start();
    const early = frame();
    const fresher = frame();
    await flush();
    expect(encoder.calls).toBe(0);
    expect(early.close).toHaveBeenCalled(); // replaced by the fresher one
    expect(fresher.close).not.toHaveBeenCalled();
    emit({ type: 'engine-state', state: { state: 'loading' } });
    await flush();
    expect(encoder.calls).toBe(0);
    // Ready: the held frame goes at once, without waiting for the tap's next sample.
    ready();
    await flush();
    expect(encoder.calls).toBe(1);
    expect(sentFrames()).toEqual([1]);
    emit({ type: 'analysis', analysis: { frameId: 1, streamId: 'camera:1' } as FrameAnalysis });
    port.sent = [];
    await flush();
    frame();
    frame(); // waits
    const dropped = frame(); // replaces the waiting one
    const waiting = frame();
    await flush();
    expect(sentFrames()).toEqual([2]);
    expect(dropped.close).toHaveBeenCalled();
    emit({ type: 'analysis', analysis: { frameId: 2, streamId: 'camera:1' } as FrameAnalysis });
    await flush();
    expect(sentFrames()).toEqual([2, 3]);
    expect(waiting.close).toHaveBeenCalled(); // released after encoding (no retention)
  });

  it('releases a held frame when the engine fails, goes away or the relay pauses, and never sends it later', async () => {
    const { frame, relay } = start();
    const beforeError = frame();
    emit({ type: 'engine-state', state: { state: 'error', error: 'Could not load the face mesh model' } });
    expect(beforeError.close).toHaveBeenCalled();
    const beforeDrop = frame();
    port.options!.onConnectionChange(false);
    expect(beforeDrop.close).toHaveBeenCalled();
    const beforePause = frame();
    relay.setPaused(true);
    expect(beforePause.close).toHaveBeenCalled();
    relay.setPaused(false);
    ready();
    await flush();
    expect(encoder.calls).toBe(0);
  });

  it('takes no engine event from the page: a forged analysis, "ready", explanation or error posted on the window (tap channel, overlay channel, or from another window) reaches neither the overlay nor the engine', async () => {
    const { win, fromTap, events, explains } = start();
    const forged: object[] = [
      { type: 'analysis', analysis: validAnalysis },
      { type: 'engine-state', state: { state: 'ready', backend: 'wasm' } },
      { type: 'analysis-error', frameId: 1, error: 'Your session expired' },
      { type: 'explanation', requestId: 1, explanation: {}, predicted: { name: 'good', probability: 1 }, ms: 1 },
      { type: 'explain-error', requestId: 1, error: 'Your session expired', cancelled: false },
    ];
    for (const message of forged) fromTap(message);
    for (const message of forged) {
      const overlayChannel = new MessageEvent('message', { data: { ...message, channel: OVERLAY_CHANNEL } });
      Object.defineProperty(overlayChannel, 'source', { value: win });
      win.dispatchEvent(overlayChannel);
      // A valid tap message, but from another window (a frame of the page): not this page's tap.
      const otherWindow = new MessageEvent('message', { data: { channel: TAP_CHANNEL, type: 'camera-started', streamId: 's', label: '', kind: 'camera' } });
      Object.defineProperty(otherWindow, 'source', { value: {} });
      win.dispatchEvent(otherWindow);
    }
    await flush();
    expect(events).toEqual([]);
    expect(explains).toEqual([]);
    expect(port.sent).toEqual([]);
  });

  it('a page flooding valid forged frames keeps one frame in flight and one waiting: every other bitmap is closed and nothing queues', async () => {
    const { frame } = start();
    ready();
    const bitmaps = Array.from({ length: 1000 }, () => frame());
    await flush();
    expect(sentFrames()).toEqual([1]);
    expect(encoder.calls).toBe(1);
    // The first is in flight (kept by the relay until encoded, then released), the last waits; the 998 between are closed.
    expect(bitmaps.slice(1, -1).every((b) => b.close.mock.calls.length === 1)).toBe(true);
    expect(bitmaps.at(-1)!.close).not.toHaveBeenCalled();
  });

  it('refuses a bitmap over the frame limits before encoding it', async () => {
    const { frame } = start();
    ready();
    const huge = frame(new FakeBitmap(4096, 4096));
    await flush();
    expect(encoder.calls).toBe(0);
    expect(huge.close).toHaveBeenCalled();
    expect(fitsFrameLimits({ width: FRAME_LIMITS.maxSide, height: 1 })).toBe(true);
    expect(fitsFrameLimits({ width: FRAME_LIMITS.maxSide + 1, height: 1 })).toBe(false);
    expect(fitsFrameLimits({ width: 0, height: 10 })).toBe(false);
  });

  it('frees the in-flight slot when an answer fails validation, so the relay never stalls', async () => {
    const { frame, events } = start();
    ready();
    frame();
    await flush();
    frame();
    port.options!.onInvalidEvent('analysis.faces must be an array', 'analysis');
    await flush();
    expect(sentFrames()).toEqual([1, 2]);
    expect(events.at(-1)).toEqual({ type: 'frame-error', error: 'analysis.faces must be an array' });
    // A malformed progress event neither frees a frame nor fails anything.
    port.options!.onInvalidEvent('fraction must be a finite number', 'explain-progress');
    frame();
    await flush();
    expect(sentFrames()).toEqual([1, 2]);
  });

  it('fails an explanation pending when the engine goes away (Retry), and resumes live frames on the new engine', async () => {
    const { relay, explains, events, frame } = start();
    ready();
    const id = relay.explain('combined', 'fast', 1000);
    port.options!.onConnectionChange(false);
    expect(explains.at(-1)).toEqual({ type: 'explain-error', requestId: id, error: 'the analysis engine stopped while explaining', cancelled: false, engineLost: true });
    expect(events.at(-1)).toEqual({ type: 'engine-state', state: { state: 'loading' } });
    frame();
    await flush();
    expect(encoder.calls).toBe(0); // not ready: nothing encoded
    port.options!.onConnectionChange(true);
    ready();
    frame();
    await flush();
    expect(sentFrames()).toEqual([1]);
    // An explanation that finished is not failed again by a later disconnect.
    const second = relay.explain('gradcam', 'fast', 10);
    emit({ type: 'explain-error', requestId: second, error: 'cancelled', cancelled: true });
    const before = explains.length;
    port.options!.onConnectionChange(false);
    expect(explains.length).toBe(before);
  });

  it('asks for the LIME mode chosen, and passes on partial explanations decoded without ending the request', () => {
    const { relay, explains } = start();
    ready();
    const id = relay.explain('combined', 'reference', 1000);
    expect(port.sent.at(-1)).toEqual({ type: 'explain', requestId: id, method: 'combined', limeMode: 'reference', limeSamples: 1000 });
    expect(explains.at(-1)).toEqual({ type: 'explain-requested', requestId: id, method: 'combined', limeMode: 'reference' });
    const frame = { width: 1, height: 1, rgba: btoa(String.fromCharCode(1, 2, 3, 255)) };
    emit({ type: 'explain-partial', requestId: id, explanation: { frame } });
    expect(explains.at(-1)).toEqual({ type: 'explain-partial', requestId: id, set: { frame: { width: 1, height: 1, data: new Uint8ClampedArray([1, 2, 3, 255]) } } });
    // still pending: losing the engine now fails it
    port.options!.onConnectionChange(false);
    expect(explains.at(-1)).toMatchObject({ type: 'explain-error', requestId: id, engineLost: true });
  });

  it('when the extension goes away: says FaceReady stopped, fails the explanation, stops the tap and itself', async () => {
    const { relay, explains, events, toTap, frame } = start();
    ready();
    relay.explain('combined', 'fast', 1000);
    port.options!.onContextLost();
    expect(events.at(-1)).toEqual({ type: 'extension-stopped' });
    expect(explains.at(-1)).toMatchObject({ type: 'explain-error', engineLost: true });
    expect(toTap.at(-1)).toEqual({ channel: OVERLAY_CHANNEL, type: 'stop' });
    expect(port.closed).toBe(true);
    const late = frame();
    await flush();
    expect(late.close).not.toHaveBeenCalled(); // no longer listening: the tap was told to stop
    expect(encoder.calls).toBe(0);
  });
});
