/** Browser glue for saving files on the user's action: canvas encoding and a blob-URL download. */
import type { RgbaImage } from '../image';
import { putRgba } from './put-rgba';

/** Encodes an RgbaImage (PNG, or JPEG at `quality` 0–1) via an OffscreenCanvas. */
export async function encodeImage(image: RgbaImage, type: 'image/png' | 'image/jpeg', quality?: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('encodeImage: no 2D canvas context');
  putRgba(context, image);
  return canvas.convertToBlob({ type, quality });
}

/** Downloads a blob under `filename` through a temporary object URL and anchor click. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The download reads the blob asynchronously; the URL outlives the click a while.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
