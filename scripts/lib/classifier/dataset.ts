/** A folder-per-class image dataset on disk (the shared face-quality set or a clinic's own). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CLASS_NAMES, type QualityClass } from '../../../src/model/classifier/constants';

export interface DatasetItem {
  /** Path relative to the dataset root, `/`-separated, e.g. `good/utkface__face_1.jpg`. */
  relPath: string;
  label: QualityClass;
  /** Source tag: the file-name prefix before `__` (the shared set's convention), else `unknown`. */
  source: string;
}

export interface DatasetListing {
  items: DatasetItem[];
  /** Sub-folders whose name is not a class name: reported, never guessed. */
  unknownFolders: string[];
}

const IMAGE_EXT = /\.(jpe?g|png|webp|bmp|gif|tiff?)$/i;

export function sourceOf(fileName: string): string {
  const i = fileName.indexOf('__');
  return i > 0 ? fileName.slice(0, i) : 'unknown';
}

export function listDataset(root: string): DatasetListing {
  const items: DatasetItem[] = [];
  const unknownFolders: string[] = [];
  for (const folder of readdirSync(root).sort()) {
    if (!statSync(join(root, folder)).isDirectory()) continue;
    if (!(CLASS_NAMES as readonly string[]).includes(folder)) {
      unknownFolders.push(folder);
      continue;
    }
    for (const file of readdirSync(join(root, folder)).sort()) {
      if (IMAGE_EXT.test(file)) items.push({ relPath: `${folder}/${file}`, label: folder as QualityClass, source: sourceOf(file) });
    }
  }
  return { items, unknownFolders };
}
