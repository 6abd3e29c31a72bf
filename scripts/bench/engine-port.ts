/**
 * For benchmark clients running in an extension page: makes sure the engine exists, connects to it
 * over the overlay's port, and waits until it is ready. Events queue up until a waiter takes them,
 * so none is lost between two awaits.
 */
import { parse } from '../../src/protocol/check';
import { ENGINE_PORT, engineEvent, type EngineEvent } from '../../src/protocol/messages';

declare const chrome: typeof Browser;

export interface EnginePort {
  port: Browser.runtime.Port;
  backend: string;
  /** The first queued event `accept` takes (waiting for it if need be), removed from the queue. */
  next(accept: (e: EngineEvent) => boolean): Promise<EngineEvent>;
}

export async function connectReadyEngine(): Promise<EnginePort> {
  await chrome.runtime.sendMessage({ type: 'ensure-engine' });
  const port = chrome.runtime.connect({ name: ENGINE_PORT });
  const queue: EngineEvent[] = [];
  let wake: (() => void) | null = null;
  port.onMessage.addListener((message: unknown) => {
    queue.push(parse(engineEvent, message, 'engine event'));
    wake?.();
  });
  async function next(accept: (e: EngineEvent) => boolean): Promise<EngineEvent> {
    for (;;) {
      const index = queue.findIndex(accept);
      if (index >= 0) return queue.splice(index, 1)[0];
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  const ready = await next((e) => e.type === 'engine-state' && e.state.state !== 'loading');
  if (ready.type !== 'engine-state' || ready.state.state !== 'ready') throw new Error(`engine did not start: ${JSON.stringify(ready)}`);
  return { port, backend: ready.state.backend, next };
}
