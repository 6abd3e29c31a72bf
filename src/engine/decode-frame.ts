/** Turns a wire frame back into pixels in the offscreen document, checking it is what it claims to be. */
import { base64ToBytes } from '../capture/base64';
import { bitmapPixels } from '../capture/bitmap-pixels';
import type { RgbaImage } from '../image';
import { FRAME_LIMITS, type WireFrame } from '../protocol/messages';

export class FrameDecodeError extends Error {
  override name = 'FrameDecodeError';
}

export async function decodeFrame(frame: WireFrame): Promise<RgbaImage> {
  const { width, height } = frame;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || Math.max(width, height) > FRAME_LIMITS.maxSide) {
    throw new FrameDecodeError(`Frame size ${width}×${height} is outside 1–${FRAME_LIMITS.maxSide} px`);
  }
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(frame.data);
  } catch {
    throw new FrameDecodeError('Frame data is not valid base64');
  }
  if (frame.encoding === 'rgba') {
    if (bytes.byteLength !== width * height * 4) {
      throw new FrameDecodeError(`Frame has ${bytes.byteLength} bytes of RGBA, expected ${width * height * 4} for ${width}×${height}`);
    }
    return { width, height, data: new Uint8ClampedArray(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
  } catch {
    throw new FrameDecodeError('Frame is not a decodable JPEG');
  }
  if (bitmap.width !== width || bitmap.height !== height) {
    bitmap.close();
    throw new FrameDecodeError(`Frame JPEG is ${bitmap.width}×${bitmap.height}, but the message says ${width}×${height}`);
  }
  try {
    return bitmapPixels(bitmap);
  } finally {
    bitmap.close();
  }
}
