/**
 * Renders the extension's icon (assets/icon/faceready.svg, drawn for the project) to the PNG sizes
 * Chrome and Firefox ask for. WXT lists public/icon/<size>.png in the manifest's `icons` and
 * `action.default_icon`. The PNGs are committed; rerun after editing the SVG.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const SOURCE = 'assets/icon/faceready.svg';
const OUT_DIR = 'public/icon';

mkdirSync(OUT_DIR, { recursive: true });
for (const size of ICON_SIZES) {
  // Rasterise at a high density, then downscale, so small sizes stay crisp.
  await sharp(SOURCE, { density: Math.max(72, (72 * size * 4) / 128) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(join(OUT_DIR, `${size}.png`));
  console.log(`${OUT_DIR}/${size}.png`);
}
