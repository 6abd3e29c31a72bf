import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileModelHandler } from '../../../scripts/lib/node-io';
import { useNodeBackend } from '../../../scripts/lib/tf-node-backend';
import { DEFAULT_ALIGNMENT_CONFIG, eyeCentres, targetEyeCentres } from '../../../src/export/align-face';
import { prepareExport, type ExportRequest } from '../../../src/export/prepare-export';
import { shippedModelVersions } from '../../../src/export/shipped-model-versions';
import type { RgbaImage } from '../../../src/image';
import { createFaceLandmarker, type FaceLandmarker } from '../../../src/model/face';
import type { FaceSummary, FrameAnalysis } from '../../../src/protocol/messages';

const MODELS = 'public/models/vendor/human';
const ASTRONAUT = '/usr/lib/python3/dist-packages/skimage/data/astronaut.png';
const ROLL_DEG = 20;

async function sharpToRgba(pipeline: sharp.Sharp): Promise<RgbaImage> {
  const { data, info } = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}

function analysisOf(frame: RgbaImage, faces: FaceSummary[]): FrameAnalysis {
  return {
    frameId: 7,
    streamId: 'cam',
    width: frame.width,
    height: frame.height,
    capturedAt: 100,
    backend: 'wasm',
    faces,
    quality: { label: 'good', confidence: 0.9, uncertain: false, probabilities: { blur: 0.025, eyeglasses: 0.025, good: 0.9, covered: 0.025, wrong: 0.025 } },
    measures: null, verdict: { label: 'good', uncertain: false, evidence: ['classifier'] },
    eyes: null,
    timings: { transportMs: 0, decodeMs: 0, detectorMs: 0, meshMs: 0, irisMs: 0, classifierMs: 0, eyesMs: 0, measuresMs: 0, totalMs: 0 },
  };
}

const request = (frame: RgbaImage, analysis: FrameAnalysis): ExportRequest => ({
  frame,
  analysis,
  readiness: null,
  profile: 'id-photo',
  source: 'manual',
  capturedAtEpochMs: Date.UTC(2026, 10, 26, 2, 0, 0),
  exportedAtEpochMs: Date.UTC(2026, 10, 26, 2, 0, 3),
  format: 'png',
  explanation: null,
  models: shippedModelVersions(),
  app: { name: 'FaceReady', version: 'test' },
});

describe('prepareExport on a real face (wasm face models)', () => {
  let landmarker: FaceLandmarker;
  beforeAll(async () => {
    await useNodeBackend('wasm');
    landmarker = await createFaceLandmarker({ models: { detector: fileModelHandler(`${MODELS}/blazeface.json`), mesh: fileModelHandler(`${MODELS}/facemesh.json`), iris: fileModelHandler(`${MODELS}/iris.json`) } });
  });
  afterAll(() => landmarker.dispose());

  it(`levels a face rolled by ${ROLL_DEG}° and puts its eyes on the target positions`, async () => {
    const prepare = async (pipeline: sharp.Sharp) => {
      const frame = await sharpToRgba(pipeline);
      const found = await landmarker.detect(frame);
      expect(found.faces).toHaveLength(1);
      return prepareExport(request(frame, analysisOf(frame, [{ ...found.faces[0], luminance: null }])));
    };
    const upright = await prepare(sharp(ASTRONAUT));
    // sharp turns the picture clockwise on screen; the alignment turns it back by as much more.
    const prepared = await prepare(sharp(ASTRONAUT).rotate(ROLL_DEG, { background: '#808080' }).resize({ width: 640 }));

    expect(prepared.image.width).toBe(512);
    expect(prepared.image.height).toBe(512);
    expect(prepared.report.image.alignment!.rotationDeg - upright.report.image.alignment!.rotationDeg).toBeCloseTo(-ROLL_DEG, 0);

    // Measure the crop again: its eyes must be level, 102.4 px apart, where the constants say.
    const again = await landmarker.detect(prepared.image);
    expect(again.faces).toHaveLength(1);
    const eyes = eyeCentres(again.faces[0]);
    const target = targetEyeCentres();
    const tolerance = 0.06 * DEFAULT_ALIGNMENT_CONFIG.eyeDistance * DEFAULT_ALIGNMENT_CONFIG.size;
    expect(Math.hypot(eyes.right.x - target.right.x, eyes.right.y - target.right.y)).toBeLessThan(tolerance);
    expect(Math.hypot(eyes.left.x - target.left.x, eyes.left.y - target.left.y)).toBeLessThan(tolerance);
    expect(prepared.fileNames).toEqual({ image: 'faceready-id-photo-2026-11-26T02-00-00-000Z.png', report: 'faceready-id-photo-2026-11-26T02-00-00-000Z.json', explanation: null });
    expect(prepared.report.image).toMatchObject({ fileName: prepared.fileNames.image, width: 512, height: 512, format: 'png' });
  }, 60_000);
});

describe('prepareExport', () => {
  it('exports the whole frame, unaligned, when it shows no face', () => {
    const frame: RgbaImage = { width: 40, height: 30, data: new Uint8ClampedArray(40 * 30 * 4).fill(9) };
    const prepared = prepareExport({ ...request(frame, analysisOf(frame, [])), format: 'jpeg', explanation: { predicted: { name: 'wrong', probability: 0.8 } } });
    expect(prepared.image).toBe(frame);
    expect(prepared.report.image).toMatchObject({ width: 40, height: 30, format: 'jpeg', mimeType: 'image/jpeg', alignment: null });
    expect(prepared.fileNames.image).toMatch(/\.jpg$/);
    expect(prepared.fileNames.explanation).toMatch(/-explanation\.png$/);
    expect(prepared.report.explanation).toEqual({ fileName: prepared.fileNames.explanation, predicted: { name: 'wrong', probability: 0.8 } });
  });

  it('maps the analysis coordinates onto kept pixels of another size', () => {
    const mesh = Array.from({ length: 468 }, () => [0, 0, 0] as [number, number, number]);
    // Eyes at (40, 50) and (60, 50) in a 100×100 analysis; the kept frame is 200×200.
    mesh[33] = [38, 50, 0];
    mesh[133] = [42, 50, 0];
    mesh[263] = [62, 50, 0];
    mesh[362] = [58, 50, 0];
    const face: FaceSummary = { box: { x: 30, y: 30, width: 40, height: 40 }, detectorScore: 1, meshScore: 1, mesh, luminance: 100 };
    const frame: RgbaImage = { width: 200, height: 200, data: new Uint8ClampedArray(200 * 200 * 4) };
    const analysis = { ...analysisOf(frame, [face]), width: 100, height: 100 };
    const { report } = prepareExport(request(frame, analysis));
    expect(report.image.alignment!.eyes).toEqual({ right: { x: 80, y: 100 }, left: { x: 120, y: 100 } });
    expect(report.image.alignment!.scale).toBeCloseTo(102.4 / 40, 9);
  });
});
