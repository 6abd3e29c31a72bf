/**
 * Copies (or converts) every model file listed in scripts/assets/manifest.ts out of node_modules,
 * verifying each one: run-time files into public/, the rest into dev-assets/. Removes from public/
 * any generated file the manifest no longer ships, and rewrites the shipped model versions module.
 * Runs before dev, build and test. Exits non-zero with one line per problem; never downloads anything.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ASSETS, assetPath, GENERATED_PUBLIC_DIRS } from './assets/manifest';
import { MODEL_VERSIONS_MODULE, modelVersionsModule, shippedModelVersionsOf, trainedFileVersions } from './assets/model-versions-module';
import { sha256, verifyShipped, type AssetProblem } from './assets/verify';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** The installed package's folder; read directly because some packages' `exports` hide package.json. */
function packageDir(pkg: string): string | null {
  const dir = join(root, 'node_modules', pkg);
  return existsSync(join(dir, 'package.json')) ? dir : null;
}

/** Writes `bytes` to `target` unless it already holds them; true when it wrote. */
function writeIfChanged(target: string, bytes: Buffer): boolean {
  if (existsSync(target) && sha256(readFileSync(target)) === sha256(bytes)) return false;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  return true;
}

const filesUnder = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)])) : [];

const problems: AssetProblem[] = [];
let copied = 0;
for (const spec of ASSETS) {
  const dir = packageDir(spec.pkg);
  const source = dir ? join(dir, spec.from) : null;
  const shipped = source && existsSync(source) ? readFileSync(source) : null;
  const problem = verifyShipped(spec, dir !== null, shipped);
  if (problem || !shipped) {
    if (problem) problems.push(problem);
    continue;
  }
  if (writeIfChanged(join(root, assetPath(spec)), spec.convert ? spec.convert(shipped) : shipped)) copied++;
}

if (problems.length > 0) {
  for (const p of problems) console.error(`FaceReady assets: ${p.message}`);
  process.exit(1);
}

// A file an earlier manifest shipped (e.g. the face-api weights) would otherwise stay in public/ and in every build.
const shippedPaths = new Set(ASSETS.filter((a) => a.ships).map((a) => join(root, assetPath(a))));
const removed = GENERATED_PUBLIC_DIRS.flatMap((dir) => filesUnder(join(root, 'public', dir))).filter((file) => !shippedPaths.has(file));
for (const file of removed) rmSync(file);

const classifierConfig = JSON.parse(readFileSync(join(root, 'public/models/classifier/config.json'), 'utf8'));
const versionsWritten = writeIfChanged(join(root, MODEL_VERSIONS_MODULE), Buffer.from(modelVersionsModule(shippedModelVersionsOf(ASSETS, classifierConfig, trainedFileVersions(root)))));

const shipping = ASSETS.filter((a) => a.ships).length;
console.log(
  `FaceReady assets: ${ASSETS.length} files verified (${shipping} ship in public/, ${ASSETS.length - shipping} for scripts and tests in dev-assets/), ${copied} copied` +
    `${removed.length > 0 ? `, ${removed.length} no longer shipped removed from public/ (${removed.map((f) => relative(root, f)).join(', ')})` : ''}` +
    `${versionsWritten ? `, ${MODEL_VERSIONS_MODULE} rewritten` : ''}.`,
);
