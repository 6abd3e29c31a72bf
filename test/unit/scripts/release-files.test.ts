import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; license: string };

describe('release files', () => {
  it('LICENSE is the full text of the licence package.json names', () => {
    expect(pkg.license).toBe('Apache-2.0');
    const license = read('LICENSE');
    expect(license).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    expect(license).toContain('END OF TERMS AND CONDITIONS');
  });

  it('CHANGELOG.md has an entry for the version being released, newest first', () => {
    const versions = [...read('CHANGELOG.md').matchAll(/^## \[(\d+\.\d+\.\d+)\]/gm)].map((m) => m[1]);
    expect(versions[0]).toBe(pkg.version);
    const numeric = versions.map((v) => v.split('.').reduce((n, part) => n * 1000 + Number(part), 0));
    expect(numeric).toEqual([...numeric].sort((a, b) => b - a));
  });
});
