/**
 * The overlay's (ISOLATED world) half of the frame path: receives sampled frames from the camera
 * tap, keeps at most one in flight to the engine (the freshest waits, older ones are dropped),
 * encodes them and forwards camera and engine events to the overlay. It also carries "Explain"
 * requests; while paused (an explanation is shown) frames are dropped so the verdict stays frozen.
 */
import { wallClockMs } from '../clock';
import { encodeFrame, type FrameEncoding } from './encode-frame';
import { createLatestFrameSlot } from './latest-frame-slot';
import type { FrameRetention } from './frame-retention';
import { connectEngine } from '../extension/engine-client';
import { decodeExplanation, decodeImage } from '../protocol/explanation-wire';
import { parseOrNull } from '../protocol/check';
import { OVERLAY_CHANNEL, TAP_CHANNEL, tapMessage, type EngineEvent, type TapConfig, type TapFrameMessage, type TapSelectSource, type VideoSourceInfo } from '../protocol/messages';
import { audienceOf, type PreferredSource } from './video-sources';
import type { ExplainEvent } from '../ui/explain-state';
import type { OverlayEvent } from '../ui/overlay-state';
import type { ExplainMethod } from '../xai/explain-set';

export interface FrameRelayOptions {
  encoding: FrameEncoding;
  fps: number;
  maxSide: number;
  /** Whose video automatic selection looks for first (the user's role on the site). */
  prefer: PreferredSource;
  onEvent(event: OverlayEvent): void;
  onExplainEvent(event: ExplainEvent): void;
  /** The page's videos FaceReady can analyse, and the one it analyses (null: none). */
  onSources?(sources: VideoSourceInfo[], sampledId: string | null): void;
  /** Main-thread time the page lost to encoding each frame, for the timings readout. */
  onEncoded?(timing: { blockMs: number; encodeMs: number; bytes: number }): void;
  /** Keeps the pixels of each sent frame by frameId (for export); without it they are released at once. */
  retention?: FrameRetention<ImageBitmap>;
}

export interface FrameRelay {
  /** Asks the engine to explain the last analysed frame; returns the request id. */
  explain(method: ExplainMethod, limeSamples: number): number;
  cancelExplain(requestId: number): void;
  /** While paused, sampled frames are dropped and the last verdict stays. */
  setPaused(paused: boolean): void;
  /** Whose video automatic selection looks for first (the user's role on the site). */
  preferSource(prefer: PreferredSource): void;
  /** Analyse this video of the page (a source id from onSources). */
  selectSource(sourceId: string): void;
  stop(): void;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Turns an engine event about an explanation into the overlay's event, decoding its payload. */
export function explainEventOf(event: Exclude<EngineEvent, { type: 'engine-state' | 'analysis' | 'analysis-error' }>): ExplainEvent {
  const { requestId } = event;
  try {
    switch (event.type) {
      case 'explain-started':
        return { type: 'explain-started', requestId, frame: decodeImage(event.frame, 'explained frame') };
      case 'explain-progress':
        return { type: 'explain-progress', requestId, method: event.method, progress: { stage: event.stage, fraction: event.fraction } };
      case 'explanation':
        return { type: 'explanation', requestId, set: decodeExplanation(event.explanation), predicted: event.predicted, ms: event.ms };
      case 'explain-error':
        return { type: 'explain-error', requestId, error: event.error, cancelled: event.cancelled };
    }
  } catch (error) {
    return { type: 'explain-error', requestId, error: errorText(error), cancelled: false };
  }
}

export function startFrameRelay(win: Window, options: FrameRelayOptions): FrameRelay {
  const slot = createLatestFrameSlot<TapFrameMessage>();
  let frameId = 0;
  let requestId = 0;
  let paused = false;

  const engine = connectEngine({
    onEvent(event) {
      switch (event.type) {
        case 'engine-state':
          return options.onEvent({ type: 'engine-state', state: event.state });
        case 'analysis':
        case 'analysis-error': {
          options.onEvent(event.type === 'analysis' ? { type: 'analysis', analysis: event.analysis } : { type: 'frame-error', error: event.error });
          const next = slot.done();
          if (next) void send(next);
          return;
        }
        default:
          return options.onExplainEvent(explainEventOf(event));
      }
    },
    onFailure(error) {
      options.onEvent({ type: 'engine-state', state: { state: 'error', error } });
    },
    onConnectionChange(connected) {
      slot.reset()?.bitmap.close();
      // A verdict from an engine that has gone is stale: say so until the new one is ready.
      if (!connected) options.onEvent({ type: 'engine-state', state: { state: 'loading' } });
    },
  });

  async function send(frame: TapFrameMessage) {
    const id = ++frameId;
    let ownsBitmap = true;
    try {
      const encoded = await encodeFrame(frame.bitmap, options.encoding);
      if (options.retention) options.retention.keep(id, frame.bitmap);
      else frame.bitmap.close();
      ownsBitmap = false;
      options.onEncoded?.({ blockMs: encoded.blockMs, encodeMs: encoded.encodeMs, bytes: encoded.data.length });
      const sent = engine.send({
        type: 'analyze',
        frame: { frameId: id, streamId: frame.streamId, capturedAt: frame.capturedAt, sentAt: wallClockMs(), width: encoded.width, height: encoded.height, encoding: encoded.encoding, data: encoded.data },
      });
      if (!sent) slot.reset();
    } catch (error) {
      if (ownsBitmap) frame.bitmap.close();
      options.onEvent({ type: 'frame-error', error: errorText(error) });
      const next = slot.done();
      if (next) void send(next);
    }
  }

  function onMessage(event: MessageEvent) {
    if (event.source !== win || event.data?.channel !== TAP_CHANNEL) return;
    // The page can post on this channel too: only the known, capped fields of a valid message go on.
    const message = parseOrNull(tapMessage, event.data);
    if (!message) {
      // A rejected frame's pixels were transferred to this world: free them now, not at the next GC.
      if (event.data.bitmap instanceof ImageBitmap) event.data.bitmap.close();
      return;
    }
    switch (message.type) {
      case 'frame': {
        if (paused) return message.bitmap.close();
        const offered = slot.offer(message);
        offered.dropped?.bitmap.close();
        if (offered.send) void send(offered.send);
        break;
      }
      case 'camera-started':
        options.onEvent({ type: 'camera-started', streamId: message.streamId, label: message.label, audience: audienceOf(message.kind) });
        break;
      case 'camera-ended':
        options.onEvent({ type: 'camera-ended', streamId: message.streamId, liveStreams: message.liveStreams });
        break;
      case 'sources':
        options.onSources?.(message.sources, message.sampledId);
        break;
      case 'tap-error':
        options.onEvent({ type: 'tap-error', code: message.code });
        break;
      case 'camera-error':
        options.onEvent({ type: 'camera-error', code: message.code });
        break;
    }
  }

  win.addEventListener('message', onMessage);
  const configure = (prefer: PreferredSource) => {
    const config: TapConfig = { channel: OVERLAY_CHANNEL, type: 'configure', fps: options.fps, maxSide: options.maxSide, prefer };
    win.postMessage(config, win.location.origin);
  };
  configure(options.prefer);
  return {
    explain(method, limeSamples) {
      const id = ++requestId;
      options.onExplainEvent({ type: 'explain-requested', requestId: id, method });
      if (!engine.send({ type: 'explain', requestId: id, method, limeSamples })) {
        options.onExplainEvent({ type: 'explain-error', requestId: id, error: 'the analysis engine is not connected', cancelled: false });
      }
      return id;
    },
    cancelExplain(id) {
      engine.send({ type: 'cancel-explain', requestId: id });
    },
    setPaused(value) {
      paused = value;
    },
    preferSource: configure,
    selectSource(sourceId) {
      const select: TapSelectSource = { channel: OVERLAY_CHANNEL, type: 'select-source', sourceId };
      win.postMessage(select, win.location.origin);
    },
    stop() {
      win.removeEventListener('message', onMessage);
      engine.close();
      slot.reset()?.bitmap.close();
    },
  };
}
