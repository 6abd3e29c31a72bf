import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  checkByteSize,
  checkDimensions,
  checkStillFile,
  headerSize,
  isComplete,
  sniffImageFormat,
  sniffNotImage,
  STILL_IMAGE_LIMITS,
} from '../../../src/still-image/still-image-validation';

const text = (s: string) => new TextEncoder().encode(s);

/** A noisy RGB picture of this size, encoded by sharp (noise so JPEG scans are long and realistic). */
async function encoded(format: 'jpeg' | 'png' | 'webp' | 'gif' | 'avif', width: number, height: number, options: Record<string, unknown> = {}): Promise<Uint8Array> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
  return new Uint8Array(await sharp(pixels, { raw: { width, height, channels: 3 } }).toFormat(format, options).toBuffer());
}

/** A 24-bit BMP written by hand (sharp cannot write BMP). */
function bmp(width: number, height: number): Uint8Array {
  const row = Math.ceil((width * 3) / 4) * 4;
  const bytes = new Uint8Array(54 + row * height);
  const view = new DataView(bytes.buffer);
  bytes.set(text('BM'));
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, -height, true); // top-down
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  return bytes;
}

describe('sniffImageFormat', () => {
  it.each(['jpeg', 'png', 'webp', 'gif', 'avif'] as const)('recognises %s by its bytes', async (format) => {
    expect(sniffImageFormat(await encoded(format, 80, 70))).toBe(format);
  });

  it('recognises BMP, and nothing in a PDF or text', () => {
    expect(sniffImageFormat(bmp(80, 70))).toBe('bmp');
    expect(sniffImageFormat(text('%PDF-1.7\n'))).toBeNull();
    expect(sniffImageFormat(text('hello'))).toBeNull();
  });
});

describe('sniffNotImage', () => {
  it('names PDFs, SVGs, HEIC photos and text', () => {
    expect(sniffNotImage(text('%PDF-1.4\n%âãÏÓ\n1 0 obj'))).toBe('pdf');
    expect(sniffNotImage(text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10"/>'))).toBe('svg');
    expect(sniffNotImage(new Uint8Array([0, 0, 0, 24, ...text('ftypheic'), 0, 0, 0, 0]))).toBe('heic');
    expect(sniffNotImage(text('name,age\nAda,36\n'))).toBe('text');
    expect(sniffNotImage(text('Grüße\tund\r\nmehr'))).toBe('text');
  });

  it('calls binary it does not know "unknown"', () => {
    expect(sniffNotImage(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]))).toBe('unknown'); // a ZIP
    expect(sniffNotImage(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]))).toBe('unknown'); // ELF: control bytes, no NUL in the first six
  });
});

describe('headerSize', () => {
  it.each(['jpeg', 'png', 'webp', 'gif'] as const)('reads %s width and height without decoding', async (format) => {
    expect(headerSize(await encoded(format, 123, 45), format)).toEqual({ width: 123, height: 45 });
  });

  it('reads lossless and extended WebP headers', async () => {
    expect(headerSize(await encoded('webp', 200, 31, { lossless: true }), 'webp')).toEqual({ width: 200, height: 31 });
  });

  it('reads progressive JPEG and BMP headers', async () => {
    expect(headerSize(await encoded('jpeg', 321, 99, { progressive: true }), 'jpeg')).toEqual({ width: 321, height: 99 });
    expect(headerSize(bmp(80, 70), 'bmp')).toEqual({ width: 80, height: 70 });
  });

  it('returns null when the header is cut short', async () => {
    expect(headerSize((await encoded('png', 80, 70)).subarray(0, 20), 'png')).toBeNull();
    expect(headerSize((await encoded('jpeg', 80, 70)).subarray(0, 10), 'jpeg')).toBeNull();
  });
});

describe('isComplete', () => {
  const formats = ['jpeg', 'png', 'webp', 'gif'] as const;
  it.each(formats)('accepts a whole %s and rejects the same file cut at 60%%', async (format) => {
    const bytes = await encoded(format, 96, 96);
    expect(isComplete(bytes, format)).toBe(true);
    expect(isComplete(bytes.subarray(0, Math.floor(bytes.length * 0.6)), format)).toBe(false);
  });

  it('finds the end of a progressive JPEG and of a JPEG with trailing bytes', async () => {
    const progressive = await encoded('jpeg', 96, 96, { progressive: true });
    expect(isComplete(progressive, 'jpeg')).toBe(true);
    expect(isComplete(new Uint8Array([...progressive, 0, 0, 0]), 'jpeg')).toBe(true);
    expect(isComplete(progressive.subarray(0, progressive.length - 2), 'jpeg')).toBe(false);
  });

  it('is not fooled by an EXIF thumbnail that ends before the main scan', async () => {
    const thumbnail = await encoded('jpeg', 16, 16);
    const main = await encoded('jpeg', 96, 96);
    const app1 = new Uint8Array([0xff, 0xe1, ((thumbnail.length + 2) >> 8) & 0xff, (thumbnail.length + 2) & 0xff, ...thumbnail]);
    const withThumbnail = new Uint8Array([...main.subarray(0, 2), ...app1, ...main.subarray(2)]);
    expect(isComplete(withThumbnail, 'jpeg')).toBe(true);
    expect(isComplete(withThumbnail.subarray(0, withThumbnail.length - 100), 'jpeg')).toBe(false);
  });

  it('checks a BMP against its declared file size', () => {
    const bytes = bmp(80, 70);
    expect(isComplete(bytes, 'bmp')).toBe(true);
    expect(isComplete(bytes.subarray(0, bytes.length - 1), 'bmp')).toBe(false);
  });
});

describe('checkDimensions and checkByteSize', () => {
  it('accepts the minimum side and rejects one pixel less', () => {
    expect(checkDimensions(STILL_IMAGE_LIMITS.minSide, 500)).toBeNull();
    expect(checkDimensions(STILL_IMAGE_LIMITS.minSide - 1, 500)).toEqual({ kind: 'too-small', width: 63, height: 500, minSide: 64 });
  });

  it('rejects more pixels than the limit', () => {
    expect(checkDimensions(10_000, 5_000)).toBeNull();
    expect(checkDimensions(10_000, 5_001)).toMatchObject({ kind: 'too-many-pixels', maxPixels: STILL_IMAGE_LIMITS.maxPixels });
  });

  it('rejects empty and over-limit files by their byte count alone', () => {
    expect(checkByteSize(0)).toEqual({ kind: 'empty' });
    expect(checkByteSize(STILL_IMAGE_LIMITS.maxBytes)).toBeNull();
    expect(checkByteSize(STILL_IMAGE_LIMITS.maxBytes + 1)).toMatchObject({ kind: 'file-too-large' });
  });
});

describe('checkStillFile', () => {
  it('accepts a whole image and reports its format and size', async () => {
    expect(checkStillFile(await encoded('png', 300, 200))).toEqual({ ok: true, format: 'png', size: { width: 300, height: 200 } });
  });

  it('names what a non-image is', () => {
    expect(checkStillFile(text('%PDF-1.4\n'))).toEqual({ ok: false, problem: { kind: 'not-image', found: 'pdf' } });
    expect(checkStillFile(text('just some notes'))).toEqual({ ok: false, problem: { kind: 'not-image', found: 'text' } });
    expect(checkStillFile(new Uint8Array())).toEqual({ ok: false, problem: { kind: 'empty' } });
  });

  it('rejects a tiny image from its header', async () => {
    expect(checkStillFile(await encoded('jpeg', 40, 300))).toEqual({ ok: false, problem: { kind: 'too-small', width: 40, height: 300, minSide: 64 } });
  });

  it('rejects a decompression bomb from its header, before any decoding', async () => {
    const png = await encoded('png', 100, 100);
    const view = new DataView(png.buffer, png.byteOffset);
    view.setUint32(16, 20_000); // IHDR width
    view.setUint32(20, 20_000); // IHDR height
    expect(checkStillFile(png)).toMatchObject({ ok: false, problem: { kind: 'too-many-pixels', width: 20_000, height: 20_000 } });
  });

  it('rejects a truncated JPEG', async () => {
    const jpeg = await encoded('jpeg', 200, 200);
    expect(checkStillFile(jpeg.subarray(0, jpeg.length / 2))).toEqual({ ok: false, problem: { kind: 'corrupt', format: 'jpeg', reason: 'truncated' } });
  });

  it('honours other limits', async () => {
    const limits = { minSide: 10, maxBytes: 100, maxPixels: 1000 };
    expect(checkStillFile(await encoded('png', 300, 200), limits)).toMatchObject({ ok: false, problem: { kind: 'file-too-large', maxBytes: 100 } });
  });
});
