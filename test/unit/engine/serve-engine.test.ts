import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisEngine } from '../../../src/engine/engine';
import type { EngineStart } from '../../../src/engine/serve-engine';
import type { EngineEvent, FrameAnalysis, WireFrame } from '../../../src/protocol/messages';

// A fake runtime.onConnect: the test opens ports and reads what the server posts to each.
const runtime = vi.hoisted(() => ({ connect: null as ((port: unknown) => void) | null }));
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      id: 'faceready-id',
      getURL: (path: string) => `chrome-extension://faceready-id${path}`,
      onConnect: {
        addListener: (f: (port: unknown) => void) => (runtime.connect = f),
        removeListener: (f: (port: unknown) => void) => runtime.connect === f && (runtime.connect = null),
      },
    },
  },
}));
const { serveEngine } = await import('../../../src/engine/serve-engine');

/** A content script of this extension, unless the test says who opened the port. */
const OWN_CONTENT_SCRIPT = { id: 'faceready-id', url: 'https://clinic.example/consult', origin: 'https://clinic.example' };

function openPort(name = 'faceready/engine', sender: object = OWN_CONTENT_SCRIPT) {
  const received: EngineEvent[] = [];
  const listeners: ((m: unknown) => void)[] = [];
  const disconnects: (() => void)[] = [];
  const closedByServer = vi.fn();
  runtime.connect!({
    name,
    sender,
    disconnect: closedByServer,
    postMessage: (event: EngineEvent) => received.push(event),
    onMessage: { addListener: (f: (m: unknown) => void) => listeners.push(f) },
    onDisconnect: { addListener: (f: () => void) => disconnects.push(f) },
  });
  return {
    received,
    closedByServer,
    post: (message: unknown) => listeners.forEach((f) => f(message)),
    disconnect: () => disconnects.forEach((f) => f()),
    analysed: () => received.flatMap((e) => (e.type === 'analysis' ? [e.analysis.streamId + ':' + e.analysis.frameId] : [])),
  };
}

const frame = (streamId: string, frameId: number): WireFrame => ({ frameId, streamId, capturedAt: 0, sentAt: 0, width: 1, height: 1, encoding: 'rgba', data: 'AAAAAA==' });
const analyze = (streamId: string, frameId: number) => ({ type: 'analyze', frame: frame(streamId, frameId) });

/** A fake engine whose analyses finish when the test says so; `order` records which frame it started on. */
function fakeEngine(backend: 'webgl' | 'wasm' = 'wasm') {
  const order: string[] = [];
  const finish: (() => void)[] = [];
  const engine = {
    backend,
    dispose: vi.fn(),
    analyze: (f: WireFrame) => {
      order.push(`${f.streamId}:${f.frameId}`);
      return new Promise((resolve) => finish.push(() => resolve({ analysis: { frameId: f.frameId, streamId: f.streamId } as FrameAnalysis, subject: { image: { width: 1, height: 1, data: new Uint8ClampedArray(4) } } })));
    },
  } as unknown as AnalysisEngine;
  return { engine, order, finishNext: async () => (finish.shift()?.(), await vi.advanceTimersByTimeAsync(0)) };
}

describe('serveEngine', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stops: disconnects its clients, disposes the engine, takes no new port, and disposes an engine that starts too late', async () => {
    const fake = fakeEngine();
    const served = serveEngine({ start: async () => fake.engine });
    await vi.advanceTimersByTimeAsync(0);
    const client = openPort();
    client.post(analyze('camera', 1));
    served.stop();
    expect(client.closedByServer).toHaveBeenCalledOnce();
    expect(fake.engine.dispose).toHaveBeenCalledOnce();
    expect(runtime.connect).toBeNull();
    await fake.finishNext();
    expect(client.analysed()).toEqual([]);

    let resolveStart!: (engine: AnalysisEngine) => void;
    const slow = fakeEngine();
    serveEngine({ start: () => new Promise((resolve) => (resolveStart = resolve)) }).stop();
    resolveStart(slow.engine);
    await vi.advanceTimersByTimeAsync(0);
    expect(slow.engine.dispose).toHaveBeenCalledOnce();
  });

  it('analyses one frame at a time, round-robin over ports, one waiting frame per port (a flood cannot starve a tab)', async () => {
    const fake = fakeEngine();
    serveEngine({ start: async () => fake.engine });
    await vi.advanceTimersByTimeAsync(0);
    const flooder = openPort();
    const victim = openPort();
    flooder.post(analyze('flood', 1)); // starts at once
    for (let id = 2; id <= 50; id++) flooder.post(analyze('flood', id)); // each replaces the waiting one
    victim.post(analyze('victim', 1));
    flooder.post(analyze('flood', 51)); // re-queued behind the victim
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 3; i++) await fake.finishNext();
    expect(fake.order).toEqual(['flood:1', 'victim:1', 'flood:51']);
    expect(victim.analysed()).toEqual(['victim:1']);
    // Every replaced frame is answered, so no client waits on it forever.
    const replaced = flooder.received.flatMap((e) => (e.type === 'analysis-error' ? [e.frameId] : []));
    expect(replaced).toEqual(Array.from({ length: 49 }, (_, i) => i + 2));
  });

  it('serves only this extension: a port opened by another extension gets no answer and no engine time', async () => {
    const fake = fakeEngine();
    serveEngine({ start: async () => fake.engine });
    await vi.advanceTimersByTimeAsync(0);
    const foreign = openPort('faceready/engine', { id: 'other-extension', url: 'chrome-extension://other-extension/page.html', origin: 'chrome-extension://other-extension' });
    foreign.post(analyze('foreign', 1));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.order).toEqual([]);
    expect(foreign.received).toEqual([]);
    const own = openPort();
    own.post(analyze('own', 1));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.order).toEqual(['own:1']);
  });

  it('answers a request it cannot parse as a failed frame (frameId -1), and forgets the frames of a closed port', async () => {
    const fake = fakeEngine();
    serveEngine({ start: async () => fake.engine });
    await vi.advanceTimersByTimeAsync(0);
    const port = openPort();
    port.post({ type: 'analyze', frame: { frameId: NaN } });
    expect(port.received.at(-1)).toMatchObject({ type: 'analysis-error', frameId: -1 });
    const other = openPort();
    other.post(analyze('a', 1));
    port.post(analyze('b', 1));
    port.disconnect();
    await fake.finishNext();
    await fake.finishNext();
    expect(fake.order).toEqual(['a:1']);
  });

  it('reports a failed start at once, retries with backoff, and disposes nothing it does not hold', async () => {
    const fake = fakeEngine();
    let attempts = 0;
    serveEngine({
      start: async () => {
        if (++attempts < 3) throw new Error('Could not load models/classifier/model.json: HTTP 404');
        return fake.engine;
      },
      retryDelaysMs: [100, 200],
    });
    const port = openPort();
    await vi.advanceTimersByTimeAsync(0);
    expect(port.received.at(-1)).toEqual({ type: 'engine-state', state: { state: 'error', error: 'Could not load models/classifier/model.json: HTTP 404' } });
    await vi.advanceTimersByTimeAsync(99);
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(1 + 200);
    expect(attempts).toBe(3);
    expect(port.received.at(-1)).toEqual({ type: 'engine-state', state: { state: 'ready', backend: 'wasm' } });
  });

  it('replaces an engine whose WebGL context was lost by one that avoids WebGL, and says so', async () => {
    const first = fakeEngine('webgl');
    const second = fakeEngine('wasm');
    const starts: EngineStart[] = [];
    serveEngine({ start: async (how) => (starts.push(how), starts.length === 1 ? first.engine : second.engine) });
    const port = openPort();
    await vi.advanceTimersByTimeAsync(0);
    starts[0].onWebglContextLost();
    starts[0].onWebglContextLost(); // reported twice: replaced once
    await vi.advanceTimersByTimeAsync(0);
    expect(first.engine.dispose).toHaveBeenCalledOnce();
    expect(starts.map((s) => s.avoidWebgl)).toEqual([false, true]);
    expect(port.received.map((e) => e.type === 'engine-state' && e.state)).toEqual([
      { state: 'loading' },
      { state: 'ready', backend: 'webgl' },
      { state: 'loading' },
      { state: 'ready', backend: 'wasm', webglLost: true },
    ]);
  });

  it('abandons a frame stuck on an engine whose context was lost: answered, and the next frame goes to the new engine', async () => {
    const first = fakeEngine('webgl'); // its analyses never finish unless told
    const second = fakeEngine('wasm');
    const starts: EngineStart[] = [];
    serveEngine({ start: async (how) => (starts.push(how), starts.length === 1 ? first.engine : second.engine) });
    const port = openPort();
    await vi.advanceTimersByTimeAsync(0);
    port.post(analyze('a', 1));
    await vi.advanceTimersByTimeAsync(0);
    starts[0].onWebglContextLost();
    await vi.advanceTimersByTimeAsync(0);
    expect(port.received).toContainEqual({ type: 'analysis-error', frameId: 1, error: 'the analysis engine restarted' });
    port.post(analyze('a', 2));
    await vi.advanceTimersByTimeAsync(0);
    await second.finishNext();
    expect(second.order).toEqual(['a:2']);
    expect(port.analysed()).toEqual(['a:2']);
  });
});
