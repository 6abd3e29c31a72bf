import { describe, expect, it } from 'vitest';
import { readBodyWithin } from '../../../src/still-image/read-body';

/** A body of `chunks` chunks of `chunkBytes` bytes each (byte i of a chunk is i % 256), counting what was pulled. */
function body(chunks: number, chunkBytes: number) {
  const pulled = { chunks: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.chunks === chunks) return controller.close();
      pulled.chunks++;
      controller.enqueue(new Uint8Array(chunkBytes).map((_, i) => i % 256));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

describe('readBodyWithin', () => {
  it('returns the whole body when it fits, joined in order', async () => {
    const { stream } = body(3, 300);
    const read = await readBodyWithin(stream, 900);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.bytes.length).toBe(900);
      expect([read.bytes[0], read.bytes[299], read.bytes[300], read.bytes[899]]).toEqual([0, 299 % 256, 0, 299 % 256]);
    }
  });

  it('stops at the cap, cancels the download, and says how much it read', async () => {
    // An endless body, as a server that sends no Content-Length may.
    const { stream, pulled } = body(Infinity, 1024);
    const read = await readBodyWithin(stream, 10 * 1024);
    expect(read).toEqual({ ok: false, bytesRead: 11 * 1024 });
    expect(pulled.cancelled).toBe(true);
    expect(pulled.chunks).toBeLessThanOrEqual(12);
  });

  it('reads a missing body as empty', async () => {
    expect(await readBodyWithin(null, 10)).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });
});
