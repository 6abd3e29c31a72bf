/**
 * Browser glue for one export: computes it (prepareExport) and downloads the image, its JSON report
 * and the explanation panel image if one is given, under the same file-name stem. The extension's
 * capture-controller factory gives it to the controller; a still-image check can call it with the
 * image it analysed.
 */
import { IMAGE_MIME_TYPES } from '../export/export-file-names';
import { prepareExport, type ExportRequest } from '../export/prepare-export';
import type { RgbaImage } from '../image';
import { downloadBlob, encodeImage } from './save-file';

export const JPEG_EXPORT_QUALITY = 0.95;

/** Saves the export on the user's action; returns the downloaded file names. */
export async function saveExport(request: ExportRequest, explanationPanel: RgbaImage | null): Promise<string[]> {
  const prepared = prepareExport(request);
  const files: [Blob, string][] = [
    [await encodeImage(prepared.image, IMAGE_MIME_TYPES[request.format], JPEG_EXPORT_QUALITY), prepared.fileNames.image],
    [new Blob([JSON.stringify(prepared.report, null, 2)], { type: 'application/json' }), prepared.fileNames.report],
  ];
  if (explanationPanel && prepared.fileNames.explanation) files.push([await encodeImage(explanationPanel, 'image/png'), prepared.fileNames.explanation]);
  for (const [blob, name] of files) downloadBlob(blob, name);
  return files.map(([, name]) => name);
}
