/**
 * Copies (or converts) every model file listed in scripts/assets/manifest.ts out of
 * node_modules into public/, verifying each one. Runs before dev, build and test.
 * Exits non-zero with one line per problem; never downloads anything.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ASSETS } from './assets/manifest';
import { sha256, verifyShipped, type AssetProblem } from './assets/verify';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** The installed package's folder; read directly because some packages' `exports` hide package.json. */
function packageDir(pkg: string): string | null {
  const dir = join(root, 'node_modules', pkg);
  return existsSync(join(dir, 'package.json')) ? dir : null;
}

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
  const output = spec.convert ? spec.convert(shipped) : shipped;
  const target = join(root, 'public', spec.to);
  if (existsSync(target) && sha256(readFileSync(target)) === sha256(output)) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, output);
  copied++;
}

if (problems.length > 0) {
  for (const p of problems) console.error(`FaceReady assets: ${p.message}`);
  process.exit(1);
}
console.log(`FaceReady assets: ${ASSETS.length} files verified, ${copied} copied into public/.`);
