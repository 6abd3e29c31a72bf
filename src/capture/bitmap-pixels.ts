import type { RgbaImage } from '../image';

/** An ImageBitmap's pixels, read through a 2D canvas (browser contexts with OffscreenCanvas). */
export function bitmapPixels(bitmap: ImageBitmap): RgbaImage {
  const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas context to read the image');
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}
