/**
 * Checks a still image before it is decoded and analysed: what kind of file it is (by its bytes,
 * not its name or declared type), how many pixels it claims, and whether it was cut short. The
 * browser's decoders would otherwise show a truncated JPEG or PNG with a grey bottom instead of
 * failing, and decode a 200-megapixel bomb before anything could refuse it.
 */

/**
 * The limits of the still-image check. A face needs some pixels to be judged (the classifier's
 * input is 160 px and the detector looks for faces ≥ ~20 px); larger images are downscaled to the
 * engine's frame limit (FRAME_LIMITS.maxSide) before they travel.
 */
export const STILL_IMAGE_LIMITS = {
  /** Smallest side, in px, that is checked at all. */
  minSide: 64,
  /** Largest file accepted, in bytes (a 50-megapixel JPEG is ~20 MB). */
  maxBytes: 40 * 1024 * 1024,
  /** Largest decoded size accepted, in pixels (decoding needs 4 bytes per pixel). */
  maxPixels: 50_000_000,
} as const;

export type StillImageLimits = { readonly [K in keyof typeof STILL_IMAGE_LIMITS]: number };

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'bmp' | 'avif';
/** What a file that is not a supported image turned out to be, for a specific message. */
export type NotImageKind = 'pdf' | 'svg' | 'heic' | 'text' | 'unknown';

export type StillImageProblem =
  | { kind: 'empty' }
  | { kind: 'not-image'; found: NotImageKind }
  | { kind: 'file-too-large'; bytes: number; maxBytes: number }
  | { kind: 'too-small'; width: number; height: number; minSide: number }
  | { kind: 'too-many-pixels'; width: number; height: number; maxPixels: number }
  | { kind: 'corrupt'; format: ImageFormat | null; reason: 'truncated' | 'undecodable' }
  | { kind: 'unreadable-cross-origin'; url: string }
  | { kind: 'fetch-failed'; url: string; status: number | null }
  | { kind: 'engine-error'; error: string };

export type FileCheck = { ok: true; format: ImageFormat; size: { width: number; height: number } | null } | { ok: false; problem: StillImageProblem };

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));
const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const i32le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
const u32le = (b: Uint8Array, i: number) => i32le(b, i) >>> 0;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** The image format a file's first bytes announce, or null. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 26) return 'bmp';
  if (ascii(bytes, 4, 4) === 'ftyp' && ['avif', 'avis'].includes(ascii(bytes, 8, 4))) return 'avif';
  return null;
}

/** What a file that is not a supported image is, as far as its first bytes tell. */
export function sniffNotImage(bytes: Uint8Array): NotImageKind {
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (ascii(bytes, 4, 4) === 'ftyp' && ['heic', 'heix', 'mif1', 'msf1', 'hevc'].includes(ascii(bytes, 8, 4))) return 'heic';
  const head = bytes.subarray(0, 1024);
  if (head.length === 0 || head.some((b) => b === 0)) return 'unknown';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  if (/<svg[\s>]/i.test(text)) return 'svg';
  // Text: no control characters other than tab, newline and carriage return.
  return /^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$/.test(text) ? 'text' : 'unknown';
}

/** Width and height from the format's header, without decoding; null when the header is cut short or unusual. */
export function headerSize(bytes: Uint8Array, format: ImageFormat): { width: number; height: number } | null {
  switch (format) {
    case 'png':
      return bytes.length >= 24 && ascii(bytes, 12, 4) === 'IHDR' ? { width: u32be(bytes, 16), height: u32be(bytes, 20) } : null;
    case 'gif':
      return bytes.length >= 10 ? { width: u16le(bytes, 6), height: u16le(bytes, 8) } : null;
    case 'bmp':
      // BITMAPINFOHEADER: a negative height means top-down rows.
      return { width: Math.abs(i32le(bytes, 18)), height: Math.abs(i32le(bytes, 22)) };
    case 'webp':
      return webpSize(bytes);
    case 'jpeg':
      return jpegLayout(bytes).size;
    case 'avif':
      return null; // ISO-BMFF boxes; the decoded size is checked instead
  }
}

function webpSize(b: Uint8Array): { width: number; height: number } | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' && b.length >= 30) return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = u32le(b, 21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && b.length >= 30) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return null;
}

/**
 * Walks a JPEG's marker segments up to the first scan: the frame size (from SOFn) and where the
 * entropy-coded data starts. Inside scan data 0xFF is always followed by 0x00 or a restart marker,
 * so an EOI (FF D9) after that point can only be the real end of the image.
 */
function jpegLayout(b: Uint8Array): { size: { width: number; height: number } | null; scanStart: number | null } {
  let size: { width: number; height: number } | null = null;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return { size, scanStart: null };
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    const length = u16be(b, i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof && i + 9 <= b.length) size = { width: u16be(b, i + 7), height: u16be(b, i + 5) };
    if (marker === 0xda) return { size, scanStart: i + 2 + length };
    i += 2 + length;
  }
  return { size, scanStart: null };
}

/** Whether the file ends where its format says an image ends (a cut-short download or copy does not). */
export function isComplete(bytes: Uint8Array, format: ImageFormat): boolean {
  switch (format) {
    case 'jpeg': {
      const { scanStart } = jpegLayout(bytes);
      if (scanStart === null) return false;
      for (let i = scanStart; i + 1 < bytes.length; i++) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
      return false;
    }
    case 'png': {
      // The IEND chunk closes every PNG; some writers append bytes after it, so look near the end.
      const tail = ascii(bytes, Math.max(0, bytes.length - 4096), 4096);
      return tail.includes('IEND');
    }
    case 'gif':
      return bytes[bytes.length - 1] === 0x3b; // the trailer byte ';'
    case 'webp':
      return u32le(bytes, 4) + 8 <= bytes.length; // the RIFF header's size of what follows it
    case 'bmp':
      return u32le(bytes, 2) <= bytes.length; // the file header's total size
    case 'avif':
      return true; // left to the decoder
  }
}

/** Checks the pixel size of an image (from its header, or once decoded). */
export function checkDimensions(width: number, height: number, limits: StillImageLimits = STILL_IMAGE_LIMITS): StillImageProblem | null {
  if (width * height > limits.maxPixels) return { kind: 'too-many-pixels', width, height, maxPixels: limits.maxPixels };
  if (Math.min(width, height) < limits.minSide) return { kind: 'too-small', width, height, minSide: limits.minSide };
  return null;
}

/** Checks a file's size in bytes; called before reading it, so a huge file is never loaded. */
export function checkByteSize(bytes: number, limits: StillImageLimits = STILL_IMAGE_LIMITS): StillImageProblem | null {
  if (bytes === 0) return { kind: 'empty' };
  if (bytes > limits.maxBytes) return { kind: 'file-too-large', bytes, maxBytes: limits.maxBytes };
  return null;
}

/** Everything that can be told about a still image from its bytes, before decoding it. */
export function checkStillFile(bytes: Uint8Array, limits: StillImageLimits = STILL_IMAGE_LIMITS): FileCheck {
  const byteProblem = checkByteSize(bytes.length, limits);
  if (byteProblem) return { ok: false, problem: byteProblem };
  const format = sniffImageFormat(bytes);
  if (!format) return { ok: false, problem: { kind: 'not-image', found: sniffNotImage(bytes) } };
  const size = headerSize(bytes, format);
  const sizeProblem = size && checkDimensions(size.width, size.height, limits);
  if (sizeProblem) return { ok: false, problem: sizeProblem };
  if (!isComplete(bytes, format)) return { ok: false, problem: { kind: 'corrupt', format, reason: 'truncated' } };
  return { ok: true, format, size };
}
