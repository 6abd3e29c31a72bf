/**
 * The overlay's (ISOLATED world) half of the frame path: receives sampled frames from the camera
 * tap, keeps at most one in flight to the engine (the freshest waits, older ones are dropped),
 * encodes them and forwards camera and engine events to the overlay state.
 */
import { wallClockMs } from '../clock';
import { encodeFrame, type FrameEncoding } from './encode-frame';
import { createLatestFrameSlot } from './latest-frame-slot';
import { connectEngine } from '../extension/engine-client';
import { OVERLAY_CHANNEL, TAP_CHANNEL, tapMessage, type TapConfig, type TapFrameMessage, type TapMessage } from '../protocol/messages';
import type { OverlayEvent } from '../ui/overlay-state';

export interface FrameRelayOptions {
  encoding: FrameEncoding;
  fps: number;
  maxSide: number;
  onEvent(event: OverlayEvent): void;
  /** Main-thread time the page lost to encoding each frame, for the timings readout. */
  onEncoded?(timing: { blockMs: number; encodeMs: number; bytes: number }): void;
}

export function startFrameRelay(win: Window, options: FrameRelayOptions): () => void {
  const slot = createLatestFrameSlot<TapFrameMessage>();
  let frameId = 0;

  const engine = connectEngine({
    onEvent(event) {
      if (event.type === 'engine-state') options.onEvent({ type: 'engine-state', state: event.state });
      else {
        if (event.type === 'analysis') options.onEvent({ type: 'analysis', analysis: event.analysis });
        else options.onEvent({ type: 'frame-error', error: event.error });
        const next = slot.done();
        if (next) void send(next);
      }
    },
    onFailure(error) {
      options.onEvent({ type: 'engine-state', state: { state: 'error', error } });
    },
    onConnectionChange() {
      slot.reset()?.bitmap.close();
    },
  });

  async function send(frame: TapFrameMessage) {
    try {
      const encoded = await encodeFrame(frame.bitmap, options.encoding);
      options.onEncoded?.({ blockMs: encoded.blockMs, encodeMs: encoded.encodeMs, bytes: encoded.data.length });
      const sent = engine.send({
        type: 'analyze',
        frame: { frameId: ++frameId, streamId: frame.streamId, capturedAt: frame.capturedAt, sentAt: wallClockMs(), width: encoded.width, height: encoded.height, encoding: encoded.encoding, data: encoded.data },
      });
      if (!sent) slot.reset();
    } catch (error) {
      options.onEvent({ type: 'frame-error', error: error instanceof Error ? error.message : String(error) });
      const next = slot.done();
      if (next) void send(next);
    }
  }

  function onMessage(event: MessageEvent) {
    if (event.source !== win || event.data?.channel !== TAP_CHANNEL) return;
    const data: unknown = event.data;
    if (tapMessage(data) !== null) return;
    const message = data as TapFrameMessage | Exclude<TapMessage, { type: 'frame' }>;
    switch (message.type) {
      case 'frame': {
        if (!(message.bitmap instanceof ImageBitmap)) return;
        const offered = slot.offer(message);
        offered.dropped?.bitmap.close();
        if (offered.send) void send(offered.send);
        break;
      }
      case 'camera-started':
        options.onEvent({ type: 'camera-started', streamId: message.streamId, label: message.label });
        break;
      case 'camera-ended':
        options.onEvent({ type: 'camera-ended', streamId: message.streamId, liveStreams: message.liveStreams });
        break;
      case 'tap-error':
        options.onEvent({ type: 'frame-error', error: message.error });
        break;
    }
  }

  win.addEventListener('message', onMessage);
  const config: TapConfig = { channel: OVERLAY_CHANNEL, type: 'configure', fps: options.fps, maxSide: options.maxSide };
  win.postMessage(config, win.location.origin);
  return () => {
    win.removeEventListener('message', onMessage);
    engine.close();
    slot.reset()?.bitmap.close();
  };
}
