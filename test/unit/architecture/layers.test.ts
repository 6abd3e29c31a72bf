/**
 * The dependency rule: every import in src/ goes to its own layer or one listed before it in README.md
 * ("Layers"), and never out to entrypoints/, scripts/, test/ or public/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importsUnder, layerOf, readmeLayerOrder, upwardImports, type Import } from './import-graph';

const ROOT = new URL('../../../', import.meta.url).pathname;
const ORDER = readmeLayerOrder(readFileSync(`${ROOT}README.md`, 'utf8'));

const describeImport = (i: Import) => `${i.from} imports ${i.specifier} (${layerOf(i.from)} → ${layerOf(i.target!)})`;

describe('the layer order in README.md', () => {
  it('names every folder of src/ once, plus the shared leaves', () => {
    const folders = readdirSync(`${ROOT}src`, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(new Set(ORDER).size).toBe(ORDER.length);
    expect([...ORDER].sort()).toEqual(['shared', ...folders].sort());
  });
});

describe('imports in src/', () => {
  const imports = importsUnder(ROOT, 'src');

  it('are read from every file (sanity: the graph is not empty and resolves relative and @/ paths)', () => {
    expect(imports.length).toBeGreaterThan(300);
    expect(imports).toContainEqual({ from: 'src/model/analyze.ts', specifier: '../protocol/messages', target: 'src/protocol/messages' });
  });

  it('go only to the same layer or a lower one, and never out of src/', () => {
    expect(upwardImports(imports, ORDER).map(describeImport)).toEqual([]);
  });
});

describe('the rule itself', () => {
  const order = ['shared', 'protocol', 'model', 'ui'];
  const edge = (from: string, target: string | null): Import => ({ from, specifier: target ?? 'pkg', target });

  it('flags an import into a later layer or out of src/, and nothing else', () => {
    const imports = [
      edge('src/model/a.ts', 'src/protocol/m'),
      edge('src/model/a.ts', 'src/model/b'),
      edge('src/model/a.ts', 'src/image'),
      edge('src/model/a.ts', null),
      edge('src/protocol/m.ts', 'src/ui/state'),
      edge('src/image.ts', 'src/model/a'),
      edge('src/model/a.ts', 'scripts/assets/manifest'),
      edge('src/model/a.ts', 'public/models/classifier/config.json'),
    ];
    expect(upwardImports(imports, order).map((i) => `${i.from} → ${i.target}`)).toEqual([
      'src/protocol/m.ts → src/ui/state',
      'src/image.ts → src/model/a',
      'src/model/a.ts → scripts/assets/manifest',
      'src/model/a.ts → public/models/classifier/config.json',
    ]);
  });

  it('reads the numbered list after the marker, stopping at its end', () => {
    const readme = 'intro\n1. `src/ui/` not this\n<!-- layer order -->\n\n1. `src/*.ts` — leaves\n2. `src/protocol/` — messages\n\nAfter.\n3. `src/ui/` — not part of it';
    expect(readmeLayerOrder(readme)).toEqual(['shared', 'protocol']);
  });
});
