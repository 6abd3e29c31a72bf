/**
 * The import graph of src/ and the layer rule over it, for the dependency-rule test. Imports are read
 * with TypeScript's own pre-processor (static, re-export, side-effect and dynamic imports; type-only
 * imports count too, since they tie a layer to another's shapes just the same).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

export interface Import {
  /** Repository-relative path of the importing file. */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** Repository-relative path it resolves to (without extension), or null for a package. */
  target: string | null;
}

/** The layer of a repository path: `shared` for a file directly in src/, the folder below src/ otherwise, else the top folder. */
export function layerOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] !== 'src') return parts[0];
  return parts.length === 2 ? 'shared' : parts[1];
}

/** Every import of every .ts/.tsx file under `dir` (repository-relative), `@/` being the repository root. */
export function importsUnder(root: string, dir: string): Import[] {
  const files = (d: string): string[] =>
    readdirSync(join(root, d), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(`${d}/${e.name}`) : /\.tsx?$/.test(e.name) ? [`${d}/${e.name}`] : []));
  return files(dir).flatMap((from) =>
    ts.preProcessFile(readFileSync(join(root, from), 'utf8'), true, true).importedFiles.map(({ fileName: specifier }) => {
      const path = specifier.replace(/\?.*$/, '');
      const target = path.startsWith('@/') ? normalize(path.slice(2)) : path.startsWith('.') ? relative('.', normalize(join(dirname(from), path))) : null;
      return { from, specifier, target };
    }),
  );
}

/**
 * The layer order written in README.md: the numbered lines after the `layer order` marker, each naming
 * `src/<folder>/` (or `src/*.ts` for the shared leaves), lowest first.
 */
export function readmeLayerOrder(readme: string): string[] {
  const start = readme.indexOf('<!-- layer order');
  if (start < 0) throw new Error('README.md has no "<!-- layer order" marker');
  const order: string[] = [];
  for (const line of readme.slice(start).split('\n').slice(1)) {
    const item = /^\d+\. `src\/([^`]+)`/.exec(line);
    if (!item) {
      if (order.length > 0) break;
      continue;
    }
    order.push(item[1] === '*.ts' ? 'shared' : item[1].replace(/\/$/, ''));
  }
  return order;
}

/**
 * Imports that break the rule: into a later layer of `order`, or out of src/ into another top folder
 * (entrypoints, scripts, test, public).
 */
export function upwardImports(imports: readonly Import[], order: readonly string[]): Import[] {
  const rank = new Map(order.map((layer, i) => [layer, i]));
  return imports.filter(({ from, target }) => {
    if (target === null) return false;
    if (!target.startsWith('src/')) return true;
    return (rank.get(layerOf(target)) ?? Infinity) > (rank.get(layerOf(from)) ?? -Infinity);
  });
}
