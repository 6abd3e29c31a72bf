/** Turns a wire frame back into pixels in the offscreen document, checking it is what it claims to be. */
import { base64ToBytes } from '../capture/base64';
import { bitmapPixels } from '../capture/bitmap-pixels';
import type { RgbaImage } from '../image';
import { FRAME_LIMITS, type WireFrame } from '../protocol/messages';

export class FrameDecodeError extends Error {
  override name = 'FrameDecodeError';
}

export async function decodeFrame(frame: WireFrame, jpegDecode: JpegDecode = 'image-decoder'): Promise<RgbaImage> {
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
  return jpegDecode === 'image-decoder' && typeof ImageDecoder === 'function' ? decodeJpegToRgba(bytes, width, height) : decodeJpegViaBitmap(bytes, width, height);
}

/**
 * How a JPEG frame becomes pixels. 'image-decoder' (WebCodecs) decodes into CPU memory and converts
 * to RGBA there; 'bitmap' is createImageBitmap, then drawn into a 2D canvas and read back, which in
 * the offscreen document goes through the (software) GPU: docs/live-pipeline.md has both timings.
 * 'image-decoder' falls back to 'bitmap' where WebCodecs' ImageDecoder is missing.
 */
export type JpegDecode = 'image-decoder' | 'bitmap';

async function decodeJpegToRgba(bytes: Uint8Array, width: number, height: number): Promise<RgbaImage> {
  let frame: VideoFrame;
  const decoder = new ImageDecoder({ data: bytes as Uint8Array<ArrayBuffer>, type: 'image/jpeg' });
  try {
    frame = (await decoder.decode()).image;
  } catch {
    throw new FrameDecodeError('Frame is not a decodable JPEG');
  } finally {
    decoder.close();
  }
  try {
    if (frame.displayWidth !== width || frame.displayHeight !== height) {
      throw new FrameDecodeError(`Frame JPEG is ${frame.displayWidth}×${frame.displayHeight}, but the message says ${width}×${height}`);
    }
    const data = new Uint8ClampedArray(width * height * 4);
    await frame.copyTo(data, { format: 'RGBA' });
    return { width, height, data };
  } finally {
    frame.close();
  }
}

async function decodeJpegViaBitmap(bytes: Uint8Array, width: number, height: number): Promise<RgbaImage> {
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
