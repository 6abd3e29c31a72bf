import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../src/image';
import { DEFAULT_ALIGNMENT_CONFIG, alignFace, eyeCentres, targetEyeCentres, type EyeCentres } from '../../../src/export/align-face';
import { EAR_MESH_INDICES } from '../../../src/model/eyes/constants';

/** A dark image with a bright 5×5 dot centred on each point (dots sit on whole-pixel centres). */
function dotImage(width: number, height: number, dots: { x: number; y: number; rgb: [number, number, number] }[]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([20, 20, 20, 255], i);
  for (const dot of dots) {
    const cx = Math.floor(dot.x);
    const cy = Math.floor(dot.y);
    for (let y = cy - 2; y <= cy + 2; y++) for (let x = cx - 2; x <= cx + 2; x++) data.set([...dot.rgb, 255], (y * width + x) * 4);
  }
  return { width, height, data };
}

/** Intensity-weighted centroid (continuous coordinates) of the pixels where `channel` stands out. */
function centroid(image: RgbaImage, channel: 0 | 1 | 2): { x: number; y: number; mass: number } {
  let sx = 0;
  let sy = 0;
  let mass = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      const w = Math.max(0, image.data[i + channel] - Math.max(...[0, 1, 2].filter((c) => c !== channel).map((c) => image.data[i + c])));
      sx += w * (x + 0.5);
      sy += w * (y + 0.5);
      mass += w;
    }
  }
  return { x: sx / mass, y: sy / mass, mass };
}

const RED: [number, number, number] = [255, 0, 0];
const GREEN: [number, number, number] = [0, 255, 0];

describe('alignFace', () => {
  const target = targetEyeCentres();

  it('documents the target geometry: 512 px, eyes level, 102.4 px apart on y = 230.4', () => {
    expect(DEFAULT_ALIGNMENT_CONFIG.size).toBe(512);
    expect(target.right.y).toBe(target.left.y);
    expect(target.left.x - target.right.x).toBeCloseTo(102.4, 9);
    expect(target.right.y).toBeCloseTo(230.4, 9);
    expect((target.left.x + target.right.x) / 2).toBe(256);
  });

  it.each([
    ['level and small', { right: { x: 100.5, y: 120.5 }, left: { x: 140.5, y: 120.5 } }],
    ['tilted and large', { right: { x: 150.5, y: 260.5 }, left: { x: 330.5, y: 170.5 } }],
    ['upside down', { right: { x: 300.5, y: 150.5 }, left: { x: 220.5, y: 160.5 } }],
  ] as [string, EyeCentres][])('puts the dots of a %s face on the target eye positions', (_, eyes) => {
    const frame = dotImage(480, 360, [
      { ...eyes.right, rgb: RED },
      { ...eyes.left, rgb: GREEN },
    ]);
    const aligned = alignFace(frame, eyes);
    expect(aligned.image.width).toBe(512);
    expect(aligned.image.height).toBe(512);
    const red = centroid(aligned.image, 0);
    const green = centroid(aligned.image, 1);
    expect(Math.hypot(red.x - target.right.x, red.y - target.right.y)).toBeLessThan(0.75);
    expect(Math.hypot(green.x - target.left.x, green.y - target.left.y)).toBeLessThan(0.75);
    const sourceDistance = Math.hypot(eyes.left.x - eyes.right.x, eyes.left.y - eyes.right.y);
    expect(aligned.scale).toBeCloseTo(102.4 / sourceDistance, 9);
  });

  it('reports the roll it removed and how much of the crop lay outside the frame', () => {
    // Left eye 45° below the right one (y grows downwards): the frame is turned back by −45°.
    const eyes = { right: { x: 10, y: 10 }, left: { x: 30, y: 30 } };
    const aligned = alignFace(dotImage(64, 64, []), eyes);
    expect(aligned.rotationDeg).toBeCloseTo(-45, 9);
    expect(aligned.coverage).toBeGreaterThan(0);
    expect(aligned.coverage).toBeLessThan(1);
    // The corners of a 64 px frame scaled ×3.6 lie outside the 512 px output: the background fills it.
    expect([...aligned.image.data.slice(0, 4)]).toEqual([...DEFAULT_ALIGNMENT_CONFIG.background]);
  });
});

describe('eyeCentres', () => {
  it('takes the midpoint of each eye’s two corners in the mesh', () => {
    const mesh = Array.from({ length: 468 }, () => [0, 0, 0] as [number, number, number]);
    mesh[EAR_MESH_INDICES.right.p1] = [10, 20, 0];
    mesh[EAR_MESH_INDICES.right.p4] = [30, 24, 0];
    mesh[EAR_MESH_INDICES.left.p1] = [90, 18, 0];
    mesh[EAR_MESH_INDICES.left.p4] = [70, 22, 0];
    expect(eyeCentres({ mesh })).toEqual({ right: { x: 20, y: 22 }, left: { x: 80, y: 20 } });
  });
});
