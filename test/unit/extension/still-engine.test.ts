import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineConnectionEvents } from '../../../src/protocol/engine-connection';
import type { EngineEvent, EngineRequest, FrameAnalysis } from '../../../src/protocol/messages';

// The port and the canvas encoder are browser-only: a fake port records what is sent, and the
// encoder returns a fixed 2×2 RGBA frame.
const port = vi.hoisted(() => ({ options: null as EngineConnectionEvents | null, sent: [] as EngineRequest[], connected: true }));
vi.mock('../../../src/extension/engine-client', () => ({
  connectEngine: (options: EngineConnectionEvents) => {
    port.options = options;
    return { send: (request: EngineRequest) => port.connected && (port.sent.push(request), true), close: () => undefined };
  },
}));
vi.mock('../../../src/capture/encode-frame', () => ({
  encodeFrame: async () => ({ encoding: 'rgba', data: 'AAAAAAAAAAAAAAAAAAAAAA==', width: 2, height: 2, blockMs: 0, encodeMs: 0 }),
}));

const { connectStillEngine, STILL_ANALYSIS_TIMEOUT_MS } = await import('../../../src/extension/still-engine');

const bitmap = () => ({ width: 2, height: 2, close: vi.fn() }) as unknown as ImageBitmap;
const emit = (event: EngineEvent) => port.options!.onEvent(event);
const ready = () => emit({ type: 'engine-state', state: { state: 'ready', backend: 'wasm' } });
const flush = () => new Promise((r) => setTimeout(r, 0));
const analysisOf = (frameId: number) => ({ frameId }) as FrameAnalysis;
const sentFrameIds = () => port.sent.flatMap((r) => (r.type === 'analyze' ? [r.frame.frameId] : []));

describe('connectStillEngine', () => {
  beforeEach(() => {
    port.sent = [];
    port.connected = true;
  });
  afterEach(() => vi.useRealTimers());

  function connect() {
    const states: string[] = [];
    const engine = connectStillEngine({ onEngineState: (s) => states.push(s.state), onExplainEvent: () => undefined });
    return { engine, states };
  }

  it('holds a still until the engine is ready, sends it once as RGBA, and resolves with its analysis', async () => {
    const { engine } = connect();
    const image = bitmap();
    const result = engine.analyze(image);
    await flush();
    expect(port.sent).toEqual([]);
    ready();
    await flush();
    expect(port.sent).toMatchObject([{ type: 'analyze', frame: { frameId: 1, streamId: 'still', encoding: 'rgba', width: 2, height: 2 } }]);
    ready(); // a repeated state does not send it again
    await flush();
    expect(sentFrameIds()).toEqual([1]);
    emit({ type: 'analysis', analysis: analysisOf(7) }); // someone else's frame
    emit({ type: 'analysis', analysis: analysisOf(1) });
    await expect(result).resolves.toEqual(analysisOf(1));
    expect(image.close).not.toHaveBeenCalled(); // the caller keeps the pixels (for Save)
  });

  it('rejects with the engine error of its frame, or of a request the engine could not parse', async () => {
    const { engine } = connect();
    ready();
    const first = engine.analyze(bitmap());
    await flush();
    emit({ type: 'analysis-error', frameId: 1, error: 'Frame is not a decodable JPEG' });
    await expect(first).rejects.toThrow('Frame is not a decodable JPEG');
    const second = engine.analyze(bitmap());
    await flush();
    emit({ type: 'analysis-error', frameId: -1, error: 'rejected request: frame.width must be a finite number' });
    await expect(second).rejects.toThrow(/rejected request/);
  });

  it('rejects when the engine fails to start or cannot be reached', async () => {
    const { engine, states } = connect();
    const waiting = engine.analyze(bitmap());
    emit({ type: 'engine-state', state: { state: 'error', error: 'Could not load the face mesh model' } });
    await expect(waiting).rejects.toThrow('Could not load the face mesh model');
    const next = engine.analyze(bitmap());
    port.options!.onFailure('cannot reach the analysis engine (the background did not answer)');
    await expect(next).rejects.toThrow(/cannot reach/);
    expect(states).toEqual(['error', 'error']);
  });

  it('rejects a sent still whose engine went away, and one that gets no answer in time', async () => {
    const { engine } = connect();
    ready();
    const lost = engine.analyze(bitmap());
    await flush();
    port.options!.onConnectionChange(false);
    await expect(lost).rejects.toThrow(/restarted/);

    vi.useFakeTimers();
    ready();
    const slow = engine.analyze(bitmap());
    const outcome = slow.catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(STILL_ANALYSIS_TIMEOUT_MS - 1);
    expect(sentFrameIds()).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toMatch(/no answer from the analysis engine within 90 s/);
  });

  it('a newer still replaces one still waiting, and the late answer is ignored', async () => {
    const { engine } = connect();
    const old = engine.analyze(bitmap());
    const fresh = engine.analyze(bitmap());
    await expect(old).rejects.toThrow('replaced by a newer image');
    ready();
    await flush();
    expect(sentFrameIds()).toEqual([2]);
    emit({ type: 'analysis', analysis: analysisOf(1) });
    emit({ type: 'analysis', analysis: analysisOf(2) });
    await expect(fresh).resolves.toEqual(analysisOf(2));
  });

  it('says so when Explain cannot reach the engine', () => {
    const events: unknown[] = [];
    const engine = connectStillEngine({ onEngineState: () => undefined, onExplainEvent: (e) => events.push(e) });
    port.connected = false;
    engine.explain('gradcam', 'reference', 24);
    expect(events).toEqual([
      { type: 'explain-requested', requestId: 1, method: 'gradcam', limeMode: 'reference' },
      { type: 'explain-error', requestId: 1, error: 'the analysis engine is not connected', cancelled: false, engineLost: true },
    ]);
  });
});
