import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/base64';

describe('base64 for frame bytes', () => {
  it('matches Node’s encoder on data larger than one chunk, and round-trips', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) % 256);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(text)).toEqual(bytes);
  });
  it('throws on text that is not base64', () => {
    expect(() => base64ToBytes('not base64!')).toThrow();
  });
});
