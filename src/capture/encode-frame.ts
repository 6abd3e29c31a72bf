/**
 * Turns a sampled ImageBitmap into a wire frame in the overlay's (ISOLATED) world. This runs on the
 * page's main thread, so it reports how long it blocked it (`blockMs`) apart from the time spent
 * waiting on the browser's own encoder threads (`encodeMs`). The caller still owns the bitmap.
 */
import { bytesToBase64 } from '../base64';
import type { WireFrame } from '../protocol/messages';

export type FrameEncoding = WireFrame['encoding'];
export const JPEG_QUALITY = 0.92;
/** What the overlay sends live frames as (docs/live-pipeline.md has the measurements behind it). */
export const OVERLAY_FRAME_ENCODING: FrameEncoding = 'jpeg';

export interface EncodedFrame {
  encoding: FrameEncoding;
  data: string;
  width: number;
  height: number;
  blockMs: number;
  encodeMs: number;
}

export async function encodeFrame(bitmap: ImageBitmap, encoding: FrameEncoding): Promise<EncodedFrame> {
  const start = performance.now();
  const { width, height } = bitmap;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: encoding === 'rgba' });
  if (!context) throw new Error('Cannot get a 2D canvas to read the camera frame');
  context.drawImage(bitmap, 0, 0);
  if (encoding === 'rgba') {
    const pixels = context.getImageData(0, 0, width, height).data;
    const data = bytesToBase64(new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength));
    const ms = performance.now() - start;
    return { encoding, data, width, height, blockMs: ms, encodeMs: ms };
  }
  let blockMs = performance.now() - start;
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const base64Start = performance.now();
  const data = bytesToBase64(bytes);
  blockMs += performance.now() - base64Start;
  return { encoding, data, width, height, blockMs, encodeMs: performance.now() - start };
}
