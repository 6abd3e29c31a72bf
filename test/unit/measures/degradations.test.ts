/**
 * Every measure family on a real photo (the astronaut) under controlled degradations: the face model
 * finds the landmarks on each degraded image, as it would in the extension.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../src/image';
import type { FaceLandmarker } from '../../../src/model/face';
import { computeMeasures } from '../../../src/model/measures/compute-measures';
import { MEASURE_IDS, type MeasureId, type QualityMeasures } from '../../../src/protocol/quality-measures';
import { ASTRONAUT, detectFace, faceLandmarker, toRgba } from './real-face';

let landmarker: FaceLandmarker;
let original: RgbaImage;
let reference: QualityMeasures;

async function measure(image: RgbaImage): Promise<QualityMeasures> {
  const { face, faces } = await detectFace(landmarker, image);
  return computeMeasures(image, face, faces);
}
const measurePipeline = async (pipeline: sharp.Sharp) => measure(await toRgba(pipeline));
const raws = (list: QualityMeasures[], id: MeasureId) => list.map((m) => m[id]!.raw);
const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);

beforeAll(async () => {
  landmarker = await faceLandmarker();
  original = await toRgba(sharp(ASTRONAUT));
  reference = await measure(original);
});
afterAll(() => landmarker.dispose());

describe('computeMeasures on the astronaut', () => {
  it('gives every measure, each with a score within 0–100, and a good photo passes the capture measures', () => {
    expect(Object.keys(reference).length).toBe(MEASURE_IDS.length);
    for (const value of Object.values(reference)) {
      expect(Number.isFinite(value!.raw)).toBe(true);
      expect(value!.score).toBeGreaterThanOrEqual(0);
      expect(value!.score).toBeLessThanOrEqual(100);
    }
    for (const id of ['sharpness', 'under-exposure', 'over-exposure', 'face-occlusion', 'eyes-visible', 'single-face', 'eyes-open'] as const) expect(reference[id]!.score).toBeGreaterThan(80);
    expect(Math.abs(reference.yaw!.raw)).toBeLessThan(8);
  });

  it('a blur sweep makes sharpness fall monotonically', async () => {
    const sweep = await Promise.all([0.6, 1, 1.5, 2, 3, 4].map((sigma) => measurePipeline(sharp(ASTRONAUT).blur(sigma))));
    const sharpness = [reference.sharpness!.raw, ...raws(sweep, 'sharpness')];
    expect(increasing([...sharpness].reverse())).toBe(true);
    expect(sweep.at(-1)!.sharpness!.score).toBeLessThan(20);
  });

  it('sharpness is read at the face\'s own scale: the same photo upscaled 1.6× keeps its sharpness', async () => {
    const upscaled = await measurePipeline(sharp(ASTRONAUT).resize(819, 819, { kernel: 'cubic' }));
    expect(Math.abs(upscaled.sharpness!.raw - reference.sharpness!.raw)).toBeLessThan(0.05);
  });

  it('a gain sweep moves luminance and exposure the right way', async () => {
    const gains = [0.1, 0.4, 0.7, 1.3, 1.8];
    const sweep = await Promise.all(gains.map((g) => measurePipeline(sharp(ASTRONAUT).linear(g, 0))));
    const withReference = [...sweep.slice(0, 3), reference, ...sweep.slice(3)];
    expect(increasing(raws(withReference, 'luminance-mean'))).toBe(true);
    const under = raws(withReference, 'under-exposure');
    const over = raws(withReference, 'over-exposure');
    expect(under[0]).toBeGreaterThan(0.5);
    expect(sweep[0]['under-exposure']!.score).toBeLessThan(50);
    expect(under.every((x, i) => i === 0 || x <= under[i - 1])).toBe(true);
    expect(over.every((x, i) => i === 0 || x >= over[i - 1])).toBe(true);
    expect(over.at(-1)!).toBeGreaterThan(0.2);
  });

  it('rotating the image moves roll by the same angle (±3°)', async () => {
    for (const angle of [-25, -10, 10, 25]) {
      const rotated = await measurePipeline(sharp(ASTRONAUT).rotate(angle, { background: '#808080' }));
      expect(rotated.roll!.raw - reference.roll!.raw).toBeGreaterThan(angle - 3);
      expect(rotated.roll!.raw - reference.roll!.raw).toBeLessThan(angle + 3);
    }
  });

  it('a synthetic occluder of growing area over the lower face moves occlusion up', async () => {
    const { face } = await detectFace(landmarker, original);
    const noseY = face.mesh[1][1];
    const chinY = face.mesh[152][1];
    const left = Math.round(face.box.x - 10);
    const width = Math.round(face.box.width + 20);
    const fractions = [0.35, 0.7, 1.1];
    const covered = await Promise.all(
      fractions.map((f) => {
        const top = Math.round(chinY + 15 - f * (chinY + 15 - noseY));
        const mask = { create: { width, height: Math.round(chinY + 15) - top, channels: 3 as const, background: { r: 70, g: 110, b: 190 } } };
        return measurePipeline(sharp(ASTRONAUT).composite([{ input: mask, left, top }]));
      }),
    );
    const faceOcclusion = [reference['face-occlusion']!.raw, ...raws(covered, 'face-occlusion')];
    expect(increasing(faceOcclusion)).toBe(true);
    expect(covered.at(-1)!['mouth-occlusion']!.raw).toBeGreaterThan(0.6);
    expect(covered.at(-1)!['face-occlusion']!.score).toBeLessThan(50);
  });

  it('cropping the frame closer moves the crop measures of that side', async () => {
    const { face } = await detectFace(landmarker, original);
    const eyeX = Math.min(face.mesh[33][0], face.mesh[263][0]);
    const eyeY = (face.mesh[33][1] + face.mesh[263][1]) / 2;
    const lefts = [0.3, 0.6, 0.95].map((f) => Math.round(f * eyeX));
    const fromLeft = await Promise.all(lefts.map((x) => measurePipeline(sharp(ASTRONAUT).extract({ left: x, top: 0, width: 512 - x, height: 512 }))));
    expect(increasing(raws([...fromLeft].reverse(), 'crop-left').concat(reference['crop-left']!.raw))).toBe(true);
    expect(fromLeft.at(-1)!['crop-left']!.score).toBeLessThan(50);
    const tops = [0.3, 0.6].map((f) => Math.round(f * eyeY));
    const fromTop = await Promise.all(tops.map((y) => measurePipeline(sharp(ASTRONAUT).extract({ left: 0, top: y, width: 512, height: 512 - y }))));
    expect(increasing(raws([...fromTop].reverse(), 'crop-top').concat(reference['crop-top']!.raw))).toBe(true);
    // the other sides do not move (the same eyes, the same frame edges on the right and bottom)
    expect(fromLeft[0]['crop-right']!.raw).toBeCloseTo(reference['crop-right']!.raw, 0);
  });

  it('lower JPEG quality raises compression artefacts', async () => {
    const qualities = [90, 60, 35, 15, 5];
    const sweep = await Promise.all(qualities.map(async (q) => measurePipeline(sharp(await sharp(ASTRONAUT).jpeg({ quality: q }).toBuffer()))));
    expect(increasing(raws(sweep, 'compression-artefacts'))).toBe(true);
    expect(reference['compression-artefacts']!.raw).toBeLessThan(sweep[1]['compression-artefacts']!.raw);
    expect(sweep.at(-1)!['compression-artefacts']!.score).toBeLessThan(50);
  });
});
