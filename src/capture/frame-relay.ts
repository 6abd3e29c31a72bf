/**
 * The overlay's (ISOLATED world) half of the frame path: receives sampled frames from the camera
 * tap, keeps at most one in flight to the engine (the freshest waits, older ones are dropped),
 * encodes them and forwards camera and engine events to the overlay. It also carries "Explain"
 * requests; while paused (an explanation is shown) frames are dropped so the verdict stays frozen.
 * It is where the overlay survives the engine's failures: frames are neither encoded nor sent
 * while the engine is not ready (the freshest one is held, unencoded, and goes the moment the
 * engine is ready, so a restarted engine sees a frame without waiting for the next sample), work pending when the engine goes away is failed (never left
 * running), a malformed engine answer still frees the in-flight slot, and when the extension
 * itself goes away the page's tap is told to stop sampling.
 */
import { wallClockMs } from '../clock';
import { errorText } from '../error-text';
import { encodeFrame, type FrameEncoding } from './encode-frame';
import { createLatestFrameSlot } from './latest-frame-slot';
import type { FrameRetention } from './frame-retention';
import type { RgbaImage } from '../image';
import { parseOrNull } from '../protocol/check';
import type { ConnectEngine } from '../protocol/engine-connection';
import { decodeExplanation, decodeImage } from '../protocol/explanation-wire';
import { FRAME_LIMITS, OVERLAY_CHANNEL, TAP_CHANNEL, tapMessage, type EngineEvent, type EngineState, type FrameAnalysis, type TapConfig, type TapFrameMessage, type TapSelectSource, type TapErrorCode, type CameraErrorCode, type TapStop, type VideoSourceInfo } from '../protocol/messages';
import { audienceOf, type PreferredSource } from './video-sources';
import type { Audience } from '../workflow/types';
import type { ExplainMethod, ExplanationSet, LimeMode } from '../xai/explain-set';
import type { ExplainProgress } from '../xai/types';

/** What the relay reports about the engine, the page's videos and each analysed frame (the overlay's state reduces these). */
export type RelayEvent =
  | { type: 'engine-state'; state: EngineState }
  | { type: 'extension-stopped' }
  | { type: 'camera-started'; streamId: string; label: string; audience: Audience }
  | { type: 'camera-ended'; streamId: string; liveStreams: number }
  | { type: 'analysis'; analysis: FrameAnalysis }
  | { type: 'frame-error'; error: string }
  | { type: 'tap-error'; code: TapErrorCode }
  | { type: 'camera-error'; code: CameraErrorCode };

/** What the relay reports about an explanation, its payload decoded. `engineLost`: the engine went away before answering. */
export type RelayExplainEvent =
  | { type: 'explain-requested'; requestId: number; method: ExplainMethod; limeMode: LimeMode }
  | { type: 'explain-started'; requestId: number; frame: RgbaImage }
  | { type: 'explain-progress'; requestId: number; method: Exclude<ExplainMethod, 'all'>; progress: ExplainProgress }
  | { type: 'explain-partial'; requestId: number; set: ExplanationSet }
  | { type: 'explanation'; requestId: number; set: ExplanationSet; predicted: { name: string; probability: number }; ms: number }
  | { type: 'explain-error'; requestId: number; error: string; cancelled: boolean; engineLost?: boolean };

export interface FrameRelayOptions {
  /** Opens the connection to the analysis engine (the extension's port, wired by the entrypoint). */
  connectEngine: ConnectEngine;
  encoding: FrameEncoding;
  fps: number;
  maxSide: number;
  /** Whose video automatic selection looks for first (the user's role on the site). */
  prefer: PreferredSource;
  onEvent(event: RelayEvent): void;
  onExplainEvent(event: RelayExplainEvent): void;
  /** The page's videos FaceReady can analyse, and the one it analyses (null: none). */
  onSources?(sources: VideoSourceInfo[], sampledId: string | null): void;
  /** Main-thread time the page lost to encoding each frame, for the timings readout. */
  onEncoded?(timing: { blockMs: number; encodeMs: number; bytes: number }): void;
  /** Keeps the pixels of each sent frame by frameId (for export); without it they are released at once. */
  retention?: FrameRetention<ImageBitmap>;
}

export interface FrameRelay {
  /** Asks the engine to explain the last analysed frame; returns the request id. */
  explain(method: ExplainMethod, limeMode: LimeMode, limeSamples: number): number;
  cancelExplain(requestId: number): void;
  /** While paused, sampled frames are dropped and the last verdict stays. */
  setPaused(paused: boolean): void;
  /** Whose video automatic selection looks for first (the user's role on the site). */
  preferSource(prefer: PreferredSource): void;
  /** Analyse this video of the page (a source id from onSources). */
  selectSource(sourceId: string): void;
  /** Stops the relay and tells the page's tap to stop sampling. */
  stop(): void;
}

/** Whether a bitmap the page posted fits the frame limits; checked before any encode, so a 4096² bitmap costs nothing. */
export const fitsFrameLimits = (bitmap: { width: number; height: number }): boolean =>
  bitmap.width >= 1 && bitmap.height >= 1 && bitmap.width <= FRAME_LIMITS.maxSide && bitmap.height <= FRAME_LIMITS.maxSide;

/** Engine event types that do not answer a frame: a malformed one of any other type (or of none) frees the slot. */
const NON_FRAME_EVENT_TYPES: ReadonlySet<unknown> = new Set(['explain-started', 'explain-progress', 'explain-partial', 'explanation', 'explain-error', 'engine-state', 'memory']);


/** Turns an engine event about an explanation into the overlay's event, decoding its payload. */
export function explainEventOf(event: Exclude<EngineEvent, { type: 'engine-state' | 'analysis' | 'analysis-error' | 'memory' }>): RelayExplainEvent {
  const { requestId } = event;
  try {
    switch (event.type) {
      case 'explain-started':
        return { type: 'explain-started', requestId, frame: decodeImage(event.frame, 'explained frame') };
      case 'explain-progress':
        return { type: 'explain-progress', requestId, method: event.method, progress: { stage: event.stage, fraction: event.fraction } };
      case 'explain-partial':
        return { type: 'explain-partial', requestId, set: decodeExplanation(event.explanation) };
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
  let engineReady = false;
  let stopped = false;
  /** The frame the engine is working on (its answer frees the slot), and the explanation it is computing. */
  let inFlight: number | null = null;
  let explaining: number | null = null;
  /** The freshest frame sampled while the engine was not ready (not encoded yet). */
  let held: TapFrameMessage | null = null;

  function hold(frame: TapFrameMessage | null) {
    held?.bitmap.close();
    held = frame;
  }

  /** Offers a frame to the engine: sent now if none is in flight, else it waits (replacing the waiting one). */
  function offer(frame: TapFrameMessage) {
    const offered = slot.offer(frame);
    offered.dropped?.bitmap.close();
    if (offered.send) void send(offered.send);
  }

  /** The in-flight frame is answered (or will never be): send the waiting one, if any. */
  function release() {
    inFlight = null;
    const next = slot.done();
    if (next) void send(next);
  }

  /** Ends a pending explanation with a clear error, so its panel offers Retry instead of running forever. */
  function failExplanation(error: string) {
    if (explaining === null) return;
    const id = explaining;
    explaining = null;
    options.onExplainEvent({ type: 'explain-error', requestId: id, error, cancelled: false, engineLost: true });
  }

  /** Frees everything waiting on the engine; whatever was sent to the old engine gets no answer. */
  function dropEngineWork() {
    engineReady = false;
    inFlight = null;
    slot.reset()?.bitmap.close();
    hold(null);
  }

  const engine = options.connectEngine({
    onEvent(event) {
      switch (event.type) {
        case 'engine-state': {
          engineReady = event.state.state === 'ready';
          options.onEvent({ type: 'engine-state', state: event.state });
          if (engineReady && held) {
            const waiting = held;
            held = null;
            offer(waiting);
          } else if (event.state.state === 'error') hold(null);
          return;
        }
        case 'analysis':
        case 'analysis-error': {
          options.onEvent(event.type === 'analysis' ? { type: 'analysis', analysis: event.analysis } : { type: 'frame-error', error: event.error });
          const answered = event.type === 'analysis' ? event.analysis.frameId : event.frameId;
          // frameId -1: the engine could not parse the request, so it cannot say which frame it was.
          if (inFlight !== null && (answered === inFlight || answered === -1)) release();
          return;
        }
        case 'memory':
          return; // asked for by `npm run soak` only
        default:
          if (event.requestId === explaining && (event.type === 'explanation' || event.type === 'explain-error')) explaining = null;
          return options.onExplainEvent(explainEventOf(event));
      }
    },
    onInvalidEvent(error, type) {
      if (!NON_FRAME_EVENT_TYPES.has(type)) {
        options.onEvent({ type: 'frame-error', error });
        if (inFlight !== null) release();
      } else if (type === 'explanation' || type === 'explain-error') {
        failExplanation(error);
      }
    },
    onFailure(error) {
      options.onEvent({ type: 'engine-state', state: { state: 'error', error } });
    },
    onConnectionChange(connected) {
      dropEngineWork();
      if (connected) return;
      failExplanation('the analysis engine stopped while explaining');
      // A verdict from an engine that has gone is stale: say so until the new one is ready.
      options.onEvent({ type: 'engine-state', state: { state: 'loading' } });
    },
    onContextLost() {
      dropEngineWork();
      failExplanation('FaceReady stopped while explaining');
      options.onEvent({ type: 'extension-stopped' });
      stopRelay();
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
      const sent = engineReady && engine.send({
        type: 'analyze',
        frame: { frameId: id, streamId: frame.streamId, capturedAt: frame.capturedAt, sentAt: wallClockMs(), width: encoded.width, height: encoded.height, encoding: encoded.encoding, data: encoded.data },
      });
      if (sent) inFlight = id;
      else slot.reset()?.bitmap.close();
    } catch (error) {
      if (ownsBitmap) frame.bitmap.close();
      options.onEvent({ type: 'frame-error', error: errorText(error) });
      release();
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
        // Nothing is encoded that the engine cannot take now, nor a bitmap over the frame limits.
        if (paused || !fitsFrameLimits(message.bitmap)) return message.bitmap.close();
        if (!engineReady) return hold(message);
        offer(message);
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

  function stopRelay() {
    if (stopped) return;
    stopped = true;
    win.removeEventListener('message', onMessage);
    const stop: TapStop = { channel: OVERLAY_CHANNEL, type: 'stop' };
    win.postMessage(stop, win.location.origin);
    engine.close();
    slot.reset()?.bitmap.close();
    hold(null);
  }

  win.addEventListener('message', onMessage);
  const configure = (prefer: PreferredSource) => {
    const config: TapConfig = { channel: OVERLAY_CHANNEL, type: 'configure', fps: options.fps, maxSide: options.maxSide, prefer };
    win.postMessage(config, win.location.origin);
  };
  configure(options.prefer);
  return {
    explain(method, limeMode, limeSamples) {
      const id = ++requestId;
      options.onExplainEvent({ type: 'explain-requested', requestId: id, method, limeMode });
      if (!engine.send({ type: 'explain', requestId: id, method, limeMode, limeSamples })) {
        options.onExplainEvent({ type: 'explain-error', requestId: id, error: 'the analysis engine is not connected', cancelled: false, engineLost: true });
      } else {
        explaining = id;
      }
      return id;
    },
    cancelExplain(id) {
      engine.send({ type: 'cancel-explain', requestId: id });
    },
    setPaused(value) {
      paused = value;
      if (paused) hold(null);
    },
    preferSource: configure,
    selectSource(sourceId) {
      const select: TapSelectSource = { channel: OVERLAY_CHANNEL, type: 'select-source', sourceId };
      win.postMessage(select, win.location.origin);
    },
    stop: stopRelay,
  };
}
