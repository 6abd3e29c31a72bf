import { describe, expect, it } from 'vitest';
import { yieldToEventLoop } from '../../../src/xai/yield-to-event-loop';

describe('yieldToEventLoop', () => {
  it('lets a queued message be handled inside a loop of resolved awaits', async () => {
    const channel = new MessageChannel();
    let delivered = false;
    channel.port1.onmessage = () => (delivered = true);
    channel.port2.postMessage('cancel');
    for (let i = 0; i < 100 && !delivered; i++) await Promise.resolve();
    expect(delivered).toBe(false); // microtasks alone never let the message in
    for (let i = 0; i < 5 && !delivered; i++) await yieldToEventLoop();
    expect(delivered).toBe(true);
    channel.port1.close();
  });
});
