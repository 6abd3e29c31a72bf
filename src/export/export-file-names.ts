/** File names of one export: `faceready-<profile>-<timestamp>.<ext>`, the same stem for every file of it. */
import type { ProfileId } from '../workflow/types';

export type ExportImageFormat = 'png' | 'jpeg';

export const IMAGE_MIME_TYPES: Record<ExportImageFormat, 'image/png' | 'image/jpeg'> = { png: 'image/png', jpeg: 'image/jpeg' };
const EXTENSIONS: Record<ExportImageFormat, string> = { png: 'png', jpeg: 'jpg' };

/** UTC, filename-safe and sortable: 2026-11-26T02-15-07-123Z. */
export function fileTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/:/g, '-').replace('.', '-');
}

export interface ExportFileNames {
  image: string;
  report: string;
  /** The explanation panel's image, when one is exported with the capture. */
  explanation: string;
}

export function exportFileNames(profile: ProfileId, capturedAtEpochMs: number, format: ExportImageFormat): ExportFileNames {
  const stem = `faceready-${profile}-${fileTimestamp(capturedAtEpochMs)}`;
  return { image: `${stem}.${EXTENSIONS[format]}`, report: `${stem}.json`, explanation: `${stem}-explanation.png` };
}
