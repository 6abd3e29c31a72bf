/**
 * The check page's use of the analysis engine: the same port and messages as the overlay, one still
 * at a time. A still waits for the engine to be ready, is sent once, and its answer (or an error, or
 * a timeout) settles it, so the page never waits forever. Explain then explains that still.
 */
import { wallClockMs } from '../clock';
import { errorText } from '../error-text';
import { encodeFrame } from '../capture/encode-frame';
import { explainEventOf, type RelayExplainEvent } from '../capture/frame-relay';
import { STILL_STREAM_ID, type EngineState, type FrameAnalysis } from '../protocol/messages';
import type { ExplainMethod, LimeMode } from '../xai/explain-set';
import { connectEngine } from './engine-client';

/** How long one still may take once sent (model warm-up on software WebGL included). */
export const STILL_ANALYSIS_TIMEOUT_MS = 90_000;

export interface StillEngineOptions {
  onEngineState(state: EngineState): void;
  onExplainEvent(event: RelayExplainEvent): void;
}

export interface StillEngine {
  /** Analyses one still (the caller keeps and closes the bitmap); rejects with the engine's error in words. */
  analyze(bitmap: ImageBitmap): Promise<FrameAnalysis>;
  explain(method: ExplainMethod, limeMode: LimeMode, limeSamples: number): void;
  cancelExplain(requestId: number): void;
  close(): void;
}

interface Pending {
  frameId: number;
  /** Null once sent. */
  bitmap: ImageBitmap | null;
  resolve(analysis: FrameAnalysis): void;
  reject(error: Error): void;
  timer?: ReturnType<typeof setTimeout>;
}

export function connectStillEngine(options: StillEngineOptions): StillEngine {
  let state: EngineState = { state: 'loading' };
  let pending: Pending | null = null;
  let frameId = 0;
  let requestId = 0;
  /** The explanation the engine is computing: failed (with Retry) if the engine goes away. */
  let explaining: number | null = null;

  const failExplanation = (error: string) => {
    if (explaining === null) return;
    const id = explaining;
    explaining = null;
    options.onExplainEvent({ type: 'explain-error', requestId: id, error, cancelled: false, engineLost: true });
  };

  const settle = (outcome: { analysis: FrameAnalysis } | { error: string }) => {
    const current = pending;
    if (!current) return;
    pending = null;
    clearTimeout(current.timer);
    if ('analysis' in outcome) current.resolve(outcome.analysis);
    else current.reject(new Error(outcome.error));
  };

  async function sendPending() {
    const current = pending;
    if (!current?.bitmap || state.state !== 'ready') return;
    const bitmap = current.bitmap;
    current.bitmap = null;
    let encoded;
    try {
      // RGBA, not JPEG: a still is sent once, so its pixels are analysed without a second lossy compression.
      encoded = await encodeFrame(bitmap, 'rgba');
    } catch (error) {
      return settle({ error: errorText(error) });
    }
    const now = wallClockMs();
    const frame = { frameId: current.frameId, streamId: STILL_STREAM_ID, capturedAt: now, sentAt: now, width: encoded.width, height: encoded.height, encoding: encoded.encoding, data: encoded.data };
    if (pending !== current) return;
    if (!engine.send({ type: 'analyze', frame })) return settle({ error: 'the analysis engine is not connected' });
    current.timer = setTimeout(() => settle({ error: `no answer from the analysis engine within ${STILL_ANALYSIS_TIMEOUT_MS / 1000} s` }), STILL_ANALYSIS_TIMEOUT_MS);
  }

  const engine = connectEngine({
    onEvent(event) {
      switch (event.type) {
        case 'engine-state':
          state = event.state;
          options.onEngineState(state);
          if (state.state === 'error') settle({ error: state.error });
          else void sendPending();
          return;
        case 'analysis':
          if (event.analysis.frameId === pending?.frameId) settle({ analysis: event.analysis });
          return;
        case 'analysis-error':
          // frameId -1: the engine rejected a request it could not parse.
          if (event.frameId === pending?.frameId || event.frameId === -1) settle({ error: event.error });
          return;
        case 'memory':
          return; // asked for by `npm run soak` only
        default:
          if (event.requestId === explaining && (event.type === 'explanation' || event.type === 'explain-error')) explaining = null;
          return options.onExplainEvent(explainEventOf(event));
      }
    },
    onInvalidEvent(error, type) {
      // A malformed answer to the still (or one of no known type) must not leave the page waiting 90 s.
      if (type === 'analysis' || type === 'analysis-error' || typeof type !== 'string') settle({ error: `the analysis engine sent an invalid answer: ${error}` });
      else if (type === 'explanation' || type === 'explain-error') failExplanation(error);
    },
    onContextLost() {
      state = { state: 'error', error: 'FaceReady stopped' };
      options.onEngineState(state);
      settle({ error: 'FaceReady stopped' });
      failExplanation('FaceReady stopped');
    },
    onFailure(error) {
      state = { state: 'error', error };
      options.onEngineState(state);
      settle({ error });
    },
    onConnectionChange(connected) {
      if (connected) return;
      state = { state: 'loading' };
      options.onEngineState(state);
      // A still or explanation sent to an engine that went away gets no answer: the replacement engine cannot know it.
      if (pending && !pending.bitmap) settle({ error: 'the analysis engine restarted while analysing; drop the image again' });
      failExplanation('the analysis engine stopped while explaining');
    },
  });

  return {
    analyze(bitmap) {
      settle({ error: 'replaced by a newer image' });
      return new Promise<FrameAnalysis>((resolve, reject) => {
        pending = { frameId: ++frameId, bitmap, resolve, reject };
        void sendPending();
      });
    },
    explain(method, limeMode, limeSamples) {
      const id = ++requestId;
      options.onExplainEvent({ type: 'explain-requested', requestId: id, method, limeMode });
      if (!engine.send({ type: 'explain', requestId: id, method, limeMode, limeSamples })) {
        options.onExplainEvent({ type: 'explain-error', requestId: id, error: 'the analysis engine is not connected', cancelled: false, engineLost: true });
      } else {
        explaining = id;
      }
    },
    cancelExplain(id) {
      engine.send({ type: 'cancel-explain', requestId: id });
    },
    close() {
      settle({ error: 'closed' });
      engine.close();
    },
  };
}
