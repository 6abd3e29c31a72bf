import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineConnectionEvents } from '../../../src/protocol/engine-connection';

// A fake runtime: ensure-engine answers as told, connect hands out ports the test drives.
interface FakePort {
  name: string;
  posted: unknown[];
  message: ((m: unknown) => void)[];
  disconnect: (() => void)[];
  postMessage(m: unknown): void;
  disconnected: boolean;
}
const runtime = vi.hoisted(() => ({
  id: 'extension-id' as string | undefined,
  reply: { ok: true } as unknown,
  sendError: null as Error | null,
  ports: [] as FakePort[],
}));
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      get id() {
        return runtime.id;
      },
      sendMessage: async () => {
        if (runtime.sendError) throw runtime.sendError;
        return runtime.reply;
      },
      connect: ({ name }: { name: string }) => {
        const port: FakePort = {
          name,
          posted: [],
          message: [],
          disconnect: [],
          disconnected: false,
          postMessage(m) {
            if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
            this.posted.push(m);
          },
        };
        runtime.ports.push(port);
        return {
          name,
          postMessage: (m: unknown) => port.postMessage(m),
          disconnect: () => (port.disconnected = true),
          onMessage: { addListener: (f: (m: unknown) => void) => port.message.push(f) },
          onDisconnect: { addListener: (f: () => void) => port.disconnect.push(f) },
        };
      },
    },
  },
}));

const { connectEngine, RETRY_DELAYS_MS, ATTEMPTS_BEFORE_FAILURE, CONTEXT_POLL_MS, DISCONNECT_GRACE_MS, STABLE_CONNECTION_MS } = await import('../../../src/extension/engine-client');

function recorder() {
  const log: string[] = [];
  const options: EngineConnectionEvents = {
    onEvent: (e) => log.push(`event:${e.type}`),
    onInvalidEvent: (_error, type) => log.push(`invalid:${String(type)}`),
    onFailure: (error) => log.push(`failure:${error}`),
    onConnectionChange: (connected) => log.push(connected ? 'connected' : 'disconnected'),
    onContextLost: () => log.push('context-lost'),
  };
  return { log, options };
}

const lastPort = () => runtime.ports.at(-1)!;
const dropPort = (port: FakePort) => {
  port.disconnected = true;
  port.disconnect.forEach((f) => f());
};

describe('connectEngine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    runtime.id = 'extension-id';
    runtime.reply = { ok: true };
    runtime.sendError = null;
    runtime.ports = [];
  });
  afterEach(() => vi.useRealTimers());

  it('connects, passes validated events on, and reports a malformed one with its claimed type', async () => {
    const { log, options } = recorder();
    const client = connectEngine(options);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['connected']);
    expect(client.send({ type: 'cancel-explain', requestId: 1 })).toBe(true);
    expect(lastPort().posted).toEqual([{ type: 'cancel-explain', requestId: 1 }]);
    lastPort().message.forEach((f) => f({ type: 'engine-state', state: { state: 'loading' } }));
    lastPort().message.forEach((f) => f({ type: 'analysis', analysis: { frameId: 'x' } }));
    lastPort().message.forEach((f) => f('junk'));
    expect(log).toEqual(['connected', 'event:engine-state', 'invalid:analysis', 'invalid:undefined']);
  });

  it('reconnects after the engine closes, backing off, and never gives up', async () => {
    const { log, options } = recorder();
    connectEngine(options);
    await vi.advanceTimersByTimeAsync(0);
    runtime.reply = { ok: false, error: 'offscreen document could not be created' };
    dropPort(lastPort());
    await vi.advanceTimersByTimeAsync(DISCONNECT_GRACE_MS);
    // Many more attempts than the delays list: the last delay repeats.
    let elapsed = 0;
    for (let attempt = 0; attempt < 20; attempt++) {
      const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
      await vi.advanceTimersByTimeAsync(delay);
      elapsed += delay;
    }
    const failures = log.filter((entry) => entry.startsWith('failure:'));
    expect(failures).toEqual([`failure:cannot reach the analysis engine (offscreen document could not be created); still trying`]);
    expect(ATTEMPTS_BEFORE_FAILURE).toBeGreaterThan(1);
    expect(elapsed).toBeGreaterThan(60_000); // a minute of failures, still retrying
    runtime.reply = { ok: true };
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS.at(-1)!);
    expect(log.at(-1)).toBe('connected');
    expect(runtime.ports).toHaveLength(2);
  });

  it('stops, and says the context is lost, once the extension is gone', async () => {
    const { log, options } = recorder();
    const client = connectEngine(options);
    await vi.advanceTimersByTimeAsync(0);
    runtime.id = undefined;
    dropPort(lastPort());
    await vi.advanceTimersByTimeAsync(60_000);
    // No "disconnected" (which the overlay shows as "Loading…") before the plain words.
    expect(log).toEqual(['connected', 'context-lost']);
    expect(client.send({ type: 'cancel-explain', requestId: 1 })).toBe(false);
  });

  it('notices a context that goes a moment after the port drops, before reporting the drop', async () => {
    const { log, options } = recorder();
    connectEngine(options);
    await vi.advanceTimersByTimeAsync(0);
    dropPort(lastPort());
    await vi.advanceTimersByTimeAsync(CONTEXT_POLL_MS);
    runtime.id = undefined;
    await vi.advanceTimersByTimeAsync(DISCONNECT_GRACE_MS);
    expect(log).toEqual(['connected', 'context-lost']);
  });

  it('reports a drop once the grace has passed with the extension alive and the engine not back', async () => {
    const { log, options } = recorder();
    connectEngine(options);
    await vi.advanceTimersByTimeAsync(0);
    runtime.reply = { ok: false, error: 'offscreen document could not be created' };
    dropPort(lastPort());
    await vi.advanceTimersByTimeAsync(DISCONNECT_GRACE_MS - 1);
    expect(log).toEqual(['connected']);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['connected', 'disconnected']);
  });

  it('reconnects at once when a working connection drops, reporting the drop before the new connection', async () => {
    const { log, options } = recorder();
    connectEngine(options);
    await vi.advanceTimersByTimeAsync(STABLE_CONNECTION_MS);
    dropPort(lastPort());
    // No back-off wait: the engine was closed, not failing, and the background recreates it on ensure-engine.
    await vi.advanceTimersByTimeAsync(0);
    expect(runtime.ports).toHaveLength(2);
    expect(log).toEqual(['connected', 'disconnected', 'connected']);
    // The drop is said once, not again when its grace would have ended.
    await vi.advanceTimersByTimeAsync(DISCONNECT_GRACE_MS);
    expect(log).toEqual(['connected', 'disconnected', 'connected']);
  });

  it('backs off instead when a connection drops soon after it opened (a failing engine is not hammered)', async () => {
    const { log, options } = recorder();
    connectEngine(options);
    await vi.advanceTimersByTimeAsync(0);
    for (let round = 0; round < 3; round++) {
      const ports = runtime.ports.length;
      dropPort(lastPort());
      await vi.advanceTimersByTimeAsync(0);
      expect(runtime.ports).toHaveLength(ports);
      await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[round]);
      expect(runtime.ports).toHaveLength(ports + 1);
    }
    expect(log.filter((entry) => entry === 'disconnected')).toHaveLength(3);
  });

  it('takes Chrome\'s "Extension context invalidated" rejection as the context lost, once', async () => {
    runtime.sendError = new Error('Extension context invalidated.');
    const { log, options } = recorder();
    connectEngine(options);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(log).toEqual(['context-lost']);
  });

  it('send reports false when the port died unnoticed, and close stops retrying', async () => {
    const { log, options } = recorder();
    const client = connectEngine(options);
    await vi.advanceTimersByTimeAsync(0);
    lastPort().disconnected = true;
    expect(client.send({ type: 'cancel-explain', requestId: 1 })).toBe(false);
    client.close();
    dropPort(lastPort());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runtime.ports).toHaveLength(1);
    expect(log).toEqual(['connected']);
  });
});
