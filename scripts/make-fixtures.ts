/**
 * Turns the still images listed in test/fixtures/fixtures.ts into .y4m videos for Chromium's fake
 * camera (test/fixtures/generated/, not committed). Each image is letterboxed into 640×480.
 * Skips files that are already up to date.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { CAMERA_FIXTURES, FIXTURE_VIDEO_SIZE, GENERATED_DIR } from '../test/fixtures/fixtures';
import { encodeY4m } from './lib/y4m';

const outDir = fileURLToPath(GENERATED_DIR);
mkdirSync(outDir, { recursive: true });
const missing = CAMERA_FIXTURES.filter((f) => !existsSync(f.source));
if (missing.length > 0) {
  for (const f of missing) console.error(`FaceReady fixtures: ${f.source} is missing (${f.provenance}) — install it with: apt-get install -y python3-skimage`);
  process.exit(1);
}
for (const fixture of CAMERA_FIXTURES) {
  const target = `${outDir}${fixture.name}.y4m`;
  if (existsSync(target) && statSync(target).mtimeMs > statSync(fixture.source).mtimeMs) continue;
  const { data, info } = await sharp(fixture.source)
    .resize(FIXTURE_VIDEO_SIZE.width, FIXTURE_VIDEO_SIZE.height, { fit: 'contain', background: { r: 64, g: 64, b: 64 } })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const frame = { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
  writeFileSync(target, encodeY4m([frame, frame], 10));
  console.log(`FaceReady fixtures: wrote ${target} (${fixture.provenance})`);
}
