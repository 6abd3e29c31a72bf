import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeFrame, FrameDecodeError } from '../../../src/engine/decode-frame';
import { FRAME_LIMITS, type WireFrame } from '../../../src/protocol/messages';

const frame = (over: Partial<WireFrame>): WireFrame => ({ frameId: 1, streamId: 's', capturedAt: 0, sentAt: 0, width: 2, height: 1, encoding: 'rgba', data: Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).toString('base64'), ...over });

describe('decodeFrame', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('returns RGBA pixels whose byte count matches the claimed size', async () => {
    const image = await decodeFrame(frame({}));
    expect(image.width).toBe(2);
    expect([...image.data]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it.each([
    ['zero width', { width: 0 }, /outside 1–/],
    ['a fractional size', { width: 1.5 }, /outside 1–/],
    ['a side over the limit', { width: FRAME_LIMITS.maxSide + 1 }, /outside 1–/],
    ['negative height', { height: -4 }, /outside 1–/],
    ['too few RGBA bytes', { width: 3 }, /expected 12 for 3×1/],
    ['data that is not base64', { data: '!!!not base64' }, /not valid base64/],
  ])('refuses %s before allocating pixels', async (_, over, message) => {
    await expect(decodeFrame(frame(over))).rejects.toThrow(message);
    await expect(decodeFrame(frame(over))).rejects.toBeInstanceOf(FrameDecodeError);
  });

  it('refuses a JPEG that does not decode, and one whose size differs from the message', async () => {
    vi.stubGlobal('createImageBitmap', async () => {
      throw new Error('The source image could not be decoded.');
    });
    await expect(decodeFrame(frame({ encoding: 'jpeg' }))).rejects.toThrow('Frame is not a decodable JPEG');
    const close = vi.fn();
    vi.stubGlobal('createImageBitmap', async () => ({ width: 640, height: 480, close }));
    await expect(decodeFrame(frame({ encoding: 'jpeg' }))).rejects.toThrow('Frame JPEG is 640×480, but the message says 2×1');
    expect(close).toHaveBeenCalled();
  });
});
