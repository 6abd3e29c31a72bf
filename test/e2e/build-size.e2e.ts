/**
 * The size budget of the built extension (issue 17): the chrome-mv3 folder `npm test` builds before the
 * end-to-end tests holds at most 11 MB, and only files that run — every run-time asset of the manifest,
 * no training-only one, no training metrics. Reads the build; no browser.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSETS } from '../../scripts/assets/manifest';
import { EXTENSION_DIR } from './harness';

/** Decimal megabytes, as the build's own summary and the store count them. */
const BUDGET_BYTES = 11_000_000;

const filesUnder = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

describe('the built extension', () => {
  const built = () => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no build at ${EXTENSION_DIR}: run \`npm run build\` (npm test builds before the end-to-end tests)`);
    return filesUnder(EXTENSION_DIR).map((file) => ({ path: relative(EXTENSION_DIR, file), bytes: statSync(file).size }));
  };

  it(`fits the ${BUDGET_BYTES / 1e6} MB budget`, () => {
    const files = built();
    const total = files.reduce((sum, f) => sum + f.bytes, 0);
    const largest = [...files].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
    console.log(`built extension: ${(total / 1e6).toFixed(2)} MB in ${files.length} files; largest ${largest.map((f) => `${f.path} ${(f.bytes / 1e6).toFixed(2)} MB`).join(', ')}`);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('ships every run-time asset and none of the files only scripts and tests use', () => {
    const paths = new Set(built().map((f) => f.path));
    for (const asset of ASSETS) expect(paths.has(asset.to), asset.to).toBe(asset.ships);
    expect([...paths].filter((p) => p.endsWith('metrics.json'))).toEqual([]);
  });
});
