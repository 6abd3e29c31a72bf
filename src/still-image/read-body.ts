/**
 * Reads a response body as a stream and stops at a byte cap, so a server that sends no
 * Content-Length (or a false one) cannot make the check page buffer an unbounded body.
 */
export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; bytesRead: number };

export async function readBodyWithin(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<CappedBody> {
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let bytesRead = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytesRead += value.byteLength;
    if (bytesRead > maxBytes) {
      // Stop the download now; the rest is never read.
      await reader.cancel().catch(() => undefined);
      return { ok: false, bytesRead };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(bytesRead);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
