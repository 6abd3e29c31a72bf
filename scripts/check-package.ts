/**
 * `npm run check:package`: opens the archives `npm run zip` and `npm run zip:firefox` made and lists every problem a
 * store review would raise (scripts/lib/store-package.ts); exits non-zero on any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { storePackageProblems } from './lib/store-package';

const OUTPUT = process.env.FACEREADY_OUT_DIR ?? '.output';
/** The budget for the unpacked extension (issue 17 aims lower once training-only files stop shipping). */
const MAX_TOTAL_BYTES = 18e6;

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
let failed = false;
// `npm run zip` and `npm run zip:firefox` make one archive per store.
for (const browser of ['chrome', 'firefox'] as const) {
  const archives = readdirSync(OUTPUT).filter((name) => name.endsWith(`-${version}-${browser}.zip`));
  if (archives.length !== 1) {
    console.error(`Expected one ${OUTPUT}/*-${version}-${browser}.zip (run npm run ${browser === 'chrome' ? 'zip' : 'zip:firefox'}), found ${archives.length}.`);
    failed = true;
    continue;
  }
  const archive = join(OUTPUT, archives[0]);
  const zip = await JSZip.loadAsync(readFileSync(archive));
  const files = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('uint8array'));

  const problems = storePackageProblems(files, { maxTotalBytes: MAX_TOTAL_BYTES, browser });
  const total = [...files.values()].reduce((sum, bytes) => sum + bytes.length, 0);
  console.log(`${archive}: ${files.size} files, ${(total / 1e6).toFixed(2)} MB unpacked`);
  for (const problem of problems) console.error(`  ✗ ${problem}`);
  if (problems.length > 0) failed = true;
  else console.log('  ✓ fit for a store: manifest, locales, icons, files, permissions, no remote code, size');
}
if (failed) process.exit(1);
