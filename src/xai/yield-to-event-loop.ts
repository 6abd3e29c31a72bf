/**
 * Lets queued events (a cancel message, a progress repaint) run between batches. Awaiting a
 * backend's already-resolved tensor data only queues microtasks, which never yield; a timer would
 * yield but is clamped to ≥1 s in hidden documents such as the offscreen one. A message does neither.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
