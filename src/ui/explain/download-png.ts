import type { RgbaImage } from '../../image';
import { downloadBlob, encodeImage } from '../save-file';

/** Browser glue: encodes an RgbaImage as PNG and downloads it. */
export async function downloadPng(image: RgbaImage, filename: string): Promise<void> {
  downloadBlob(await encodeImage(image, 'image/png'), filename);
}
