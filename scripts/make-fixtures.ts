/**
 * Turns the still images listed in test/fixtures/fixtures.ts into .y4m videos for Chromium's fake
 * camera (test/fixtures/generated/, not committed). Each image is cropped, letterboxed into 640×480
 * and blurred as its spec says (scripts/lib/fixture-frame.ts).
 * Skips files that are already up to date.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CAMERA_FIXTURES, GENERATED_DIR } from '../test/fixtures/fixtures';
import { fixtureFrame } from './lib/fixture-frame';
import { encodeY4m } from './lib/y4m';

const outDir = fileURLToPath(GENERATED_DIR);
mkdirSync(outDir, { recursive: true });
const missing = CAMERA_FIXTURES.filter((f) => !existsSync(f.source));
if (missing.length > 0) {
  for (const f of missing) console.error(`FaceReady fixtures: ${f.source} is missing (${f.provenance}) — install it with: apt-get install -y python3-skimage`);
  process.exit(1);
}
// A changed spec (crop, blur) makes the videos again, as a changed source image does.
const specMtime = statSync(fileURLToPath(new URL('../test/fixtures/fixtures.ts', import.meta.url))).mtimeMs;
for (const fixture of CAMERA_FIXTURES) {
  const target = `${outDir}${fixture.name}.y4m`;
  if (existsSync(target) && statSync(target).mtimeMs > Math.max(specMtime, statSync(fixture.source).mtimeMs)) continue;
  const frame = await fixtureFrame(fixture);
  writeFileSync(target, encodeY4m([frame, frame], 10));
  console.log(`FaceReady fixtures: wrote ${target} (${fixture.provenance})`);
}
