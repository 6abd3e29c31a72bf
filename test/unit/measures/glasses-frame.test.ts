/**
 * The glasses-frame measure on a real photo (the astronaut, who wears none) under controlled change:
 * frames drawn onto her face with the training set's own synthetic-glasses code (scripts/lib), and the
 * bare face brightened, darkened, enlarged and blurred. The face model finds the landmarks on every
 * image, as it would in the extension.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compositeLayers, occluderLayers } from '../../../scripts/lib/classifier/occluders';
import { glassesFrame as glassesFrameShape } from '../../../scripts/lib/classifier/occluder-geometry';
import { polygonCoverage, unionCoverage } from '../../../scripts/lib/classifier/raster';
import type { RgbaImage } from '../../../src/image';
import type { FaceLandmarker, FaceLandmarks } from '../../../src/model/face';
import { eyeGeometry } from '../../../src/model/measures/face-geometry';
import { facePatch } from '../../../src/model/measures/face-patch';
import { glassesFrame } from '../../../src/model/measures/glasses-frame';
import type { MeasureValue } from '../../../src/protocol/quality-measures';
import { createSeededRandom } from '../../../src/random';
import { ASTRONAUT, detectFace, faceLandmarker, toRgba } from './real-face';

let landmarker: FaceLandmarker;
let original: RgbaImage;
let face: FaceLandmarks;
let bare: MeasureValue;

async function measure(image: RgbaImage): Promise<MeasureValue> {
  const { face: found } = await detectFace(landmarker, image);
  return glassesFrame(facePatch(image, eyeGeometry(found)), found)!;
}

type Rgb = [number, number, number];
/** The photo with a layer stack drawn over it (rgb float compositing as the training set's occluders). */
function drawn(layers: Parameters<typeof compositeLayers>[3], seed = 1): RgbaImage {
  const { width, height, data } = original;
  const rgb = new Float32Array(width * height * 3);
  for (let i = 0; i < width * height; i++) for (let c = 0; c < 3; c++) rgb[i * 3 + c] = data[i * 4 + c];
  compositeLayers(rgb, width, height, layers, createSeededRandom(seed).next);
  const out = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) out[i * 4 + c] = rgb[i * 3 + c];
    out[i * 4 + 3] = 255;
  }
  return { width, height, data: out };
}

/** A frame of the given thickness (fraction of the eye width) and colour, clear lenses, from the training set's geometry. */
function frame(thickness: number, colour: Rgb): Parameters<typeof compositeLayers>[3] {
  const { width, height } = original;
  const shape = glassesFrameShape(face, 1, thickness);
  const ring = unionCoverage(shape.polygons.map((p) => polygonCoverage(p, width, height)));
  const hole = unionCoverage((shape.holes ?? []).map((p) => polygonCoverage(p, width, height)));
  for (let i = 0; i < ring.length; i++) ring[i] = Math.max(0, ring[i] - hole[i]);
  return [{ coverage: ring, colour, alpha: 1, shade: 0, noise: 0 }];
}

beforeAll(async () => {
  landmarker = await faceLandmarker();
  original = await toRgba(sharp(ASTRONAUT));
  face = (await detectFace(landmarker, original)).face;
  bare = await measure(original);
});
afterAll(() => landmarker.dispose());

describe('glassesFrame on the astronaut', () => {
  it('the bare face scores high, with a raw value of its own unit and a score within 0–100', () => {
    expect(Number.isFinite(bare.raw)).toBe(true);
    expect(bare.raw).toBeGreaterThan(0);
    expect(bare.score).toBeGreaterThan(80);
    expect(bare.score).toBeLessThanOrEqual(100);
  });

  it('a frame drawn onto the face raises it, more for a thicker frame, and fails a dark frame', async () => {
    const thicknesses = [0.04, 0.08, 0.14];
    const sweep = await Promise.all(thicknesses.map((t) => measure(drawn(frame(t, [30, 25, 25])))));
    const raws = [bare.raw, ...sweep.map((m) => m.raw)];
    expect(raws.every((x, i) => i === 0 || x > raws[i - 1])).toBe(true);
    expect(sweep[1].score).toBeLessThan(50);
  });

  it('the training set\'s own random glasses and sunglasses (every frame colour) all raise it above the bare face', async () => {
    const { width, height } = original;
    for (const kind of ['glasses', 'sunglasses'] as const) {
      for (const seed of [1, 2, 3]) {
        const random = createSeededRandom(seed).next;
        const value = await measure(drawn(occluderLayers(kind, face, width, height, random, [200, 160, 140]), seed));
        expect(value.raw).toBeGreaterThan(bare.raw * 1.5);
      }
    }
  });

  it('the same face without glasses stays low when brightened, darkened, enlarged or blurred (no frame → no edge)', async () => {
    const changed = await Promise.all([
      sharp(ASTRONAUT).linear(0.5, 0),
      sharp(ASTRONAUT).linear(1.3, 0),
      sharp(ASTRONAUT).resize(819, 819, { kernel: 'cubic' }),
      sharp(ASTRONAUT).blur(2),
    ].map(async (pipeline) => measure(await toRgba(pipeline))));
    for (const value of changed) {
      expect(value.score).toBeGreaterThan(50);
      expect(Math.abs(value.raw - bare.raw)).toBeLessThan(0.03);
    }
  });
});
