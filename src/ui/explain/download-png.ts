import type { RgbaImage } from '../../image';

/** Browser glue: encodes an RgbaImage as PNG via a canvas and downloads it. */
export async function downloadPng(image: RgbaImage, filename: string): Promise<void> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('downloadPng: no 2D canvas context');
  context.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
