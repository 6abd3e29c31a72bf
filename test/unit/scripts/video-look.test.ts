import { describe, expect, it } from 'vitest';
import { clipLook, degradeFrame, type ClipLook } from '../../../scripts/lib/eyes/video-look';
import { readRgbaImage } from '../../../scripts/lib/node-io';
import type { RgbaImage } from '../../../src/image';
import { createSeededRandom } from '../../../src/random';

/** A dark photo with one bright 3×3 dot whose centre is at (61.5, 51.5) in the mesh's continuous pixels. */
function dotPhoto(): RgbaImage {
  const width = 200;
  const height = 160;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let k = 0; k < width * height; k++) data.set([20, 20, 20, 255], 4 * k);
  for (let y = 50; y < 53; y++) for (let x = 60; x < 63; x++) data.set([255, 255, 255, 255], 4 * (y * width + x));
  return { width, height, data };
}

function brightest(image: RgbaImage): [number, number] {
  let best = -1;
  let at: [number, number] = [0, 0];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const v = image.data[4 * (y * image.width + x)];
      if (v > best) (best = v), (at = [x + 0.5, y + 0.5]);
    }
  }
  return at;
}

describe('degradeFrame', () => {
  const look: ClipLook = { rollDeg: 10, squeeze: 0.9, scale: 0.8, gain: 1, cast: [1, 1, 1], sideLight: 0, noise: 0, jpegQuality: 95 };

  it('projects a point of the photo to where it appears in the warped frame', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const frame = await degradeFrame(dotPhoto(), look, createSeededRandom(seed));
      const [x, y] = frame.project(61.5, 51.5);
      const [bx, by] = brightest(await readRgbaImage(frame.jpeg));
      expect(Math.hypot(bx - x, by - y)).toBeLessThan(1.5);
      // far from the dot's position in the photo: the warp moved it
      expect(Math.hypot(x - 61.5, y - 51.5)).toBeGreaterThan(5);
    }
  });

  it('draws the same clip look and frames for the same seed, other ones for another', async () => {
    expect(clipLook(createSeededRandom(7))).toEqual(clipLook(createSeededRandom(7)));
    expect(clipLook(createSeededRandom(7))).not.toEqual(clipLook(createSeededRandom(8)));
    const photo = dotPhoto();
    const a = await degradeFrame(photo, look, createSeededRandom(5));
    const b = await degradeFrame(photo, look, createSeededRandom(5));
    expect(Buffer.compare(a.jpeg, b.jpeg)).toBe(0);
  });
});
