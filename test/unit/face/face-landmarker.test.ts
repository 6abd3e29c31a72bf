import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileModelHandler, readRgbaImage } from '../../../scripts/lib/node-io';
import { useNodeBackend } from '../../../scripts/lib/tf-node-backend';
import type { RgbaImage } from '../../../src/image';
import { createFaceLandmarker, type FaceLandmarker, type FaceLandmarks, type Point3 } from '../../../src/model/face';

const MODELS = 'public/models/vendor/human';
const SKIMAGE = '/usr/lib/python3/dist-packages/skimage/data';
const models = () => ({
  detector: fileModelHandler(`${MODELS}/blazeface.json`),
  mesh: fileModelHandler(`${MODELS}/facemesh.json`),
  iris: fileModelHandler(`${MODELS}/iris.json`),
});

/** `image` pasted at (dx, dy) on a grey canvas. */
function paste(image: RgbaImage, width: number, height: number, dx: number, dy: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4).fill(128);
  for (let y = 0; y < image.height; y++) {
    data.set(image.data.subarray(4 * y * image.width, 4 * (y + 1) * image.width), 4 * ((y + dy) * width + dx));
  }
  return { width, height, data };
}

async function sharpToRgba(pipeline: sharp.Sharp): Promise<RgbaImage> {
  const { data, info } = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}

const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const eyeDistance = (face: FaceLandmarks) => distance(face.iris!.left[0], face.iris!.right[0]);
/** Mean 2-D distance between corresponding mesh points, as a fraction of the distance between the irises. */
function meshError(actual: FaceLandmarks, expected: Point3[], reference: FaceLandmarks): number {
  const total = actual.mesh.reduce((sum, p, i) => sum + distance(p, expected[i]), 0);
  return total / actual.mesh.length / eyeDistance(reference);
}

describe('createFaceLandmarker on real images (wasm)', () => {
  let landmarker: FaceLandmarker;
  let astronaut: RgbaImage;
  let face: FaceLandmarks;

  beforeAll(async () => {
    await useNodeBackend('wasm');
    landmarker = await createFaceLandmarker({ models: models() });
    astronaut = await readRgbaImage(`${SKIMAGE}/astronaut.png`);
    const result = await landmarker.detect(astronaut);
    expect(result.faces).toHaveLength(1);
    face = result.faces[0];
  });
  afterAll(() => landmarker.dispose());

  it('finds the astronaut\'s face with plausible geometry', () => {
    const { box, mesh, iris } = face;
    expect(mesh).toHaveLength(468);
    expect(mesh.flat().every(Number.isFinite)).toBe(true);
    expect(face.detectorScore).toBeGreaterThan(0.5);
    expect(face.meshScore).toBeGreaterThan(0.9);
    expect(iris).toBeDefined();
    const left = iris!.left[0];
    const right = iris!.right[0];
    for (const [x, y] of [left, right]) {
      expect(x).toBeGreaterThan(box.x);
      expect(x).toBeLessThan(box.x + box.width);
      expect(y).toBeGreaterThan(box.y);
      expect(y).toBeLessThan(box.y + box.height);
    }
    // the subject's left eye is on the image's right
    expect(left[0]).toBeGreaterThan(right[0]);
    const between = left[0] - right[0];
    expect(between).toBeGreaterThan(box.width * 0.25);
    expect(Math.abs(left[1] - right[1])).toBeLessThan(0.15 * between); // level-ish
    const nose = mesh[1];
    expect(nose[0]).toBeGreaterThan(right[0]);
    expect(nose[0]).toBeLessThan(left[0]);
    expect(nose[1]).toBeGreaterThan(Math.max(left[1], right[1]) + 0.3 * between);
    // each iris centre sits between its eye's corners (mesh 33/133: right eye; 362/263: left eye)
    expect(right[0]).toBeGreaterThan(mesh[33][0]);
    expect(right[0]).toBeLessThan(mesh[133][0]);
    expect(left[0]).toBeGreaterThan(mesh[362][0]);
    expect(left[0]).toBeLessThan(mesh[263][0]);
  });

  it('returns plain data that survives structuredClone', () => {
    expect(structuredClone(face)).toEqual(face);
  });

  it('decodes the mirrored eye correctly: the iris model\'s eye corners agree with the mesh\'s', async () => {
    const plain = await createFaceLandmarker({ models: models(), refineIris: false });
    const [unrefined] = (await plain.detect(astronaut)).faces;
    plain.dispose();
    expect(unrefined.iris).toBeUndefined();
    const tolerance = 0.1 * eyeDistance(face); // a wrong mirror would swap corners ~0.6 eye distances apart
    for (const index of [33, 133, 362, 263, 159, 145, 386, 374]) {
      expect(distance(face.mesh[index], unrefined.mesh[index])).toBeLessThan(tolerance);
    }
    // points outside the eye regions are untouched by the refinement
    expect(face.mesh[1]).toEqual(unrefined.mesh[1]);
  });

  it('finds no face in coffee.png', async () => {
    const coffee = await readRgbaImage(`${SKIMAGE}/coffee.png`);
    expect((await landmarker.detect(coffee)).faces).toEqual([]);
  });

  it('moves the landmarks with the image when it is scaled and shifted', async () => {
    const scale = 0.75;
    const small = await readRgbaImage(`${SKIMAGE}/astronaut.png`, { width: 384, height: 384 });
    const [dx, dy] = [57, 31];
    const [moved] = (await landmarker.detect(paste(small, 520, 450, dx, dy))).faces;
    const expected = face.mesh.map(([x, y, z]) => [x * scale + dx, y * scale + dy, z * scale] as Point3);
    expect(meshError(moved, expected, face)).toBeLessThan(0.04);
    const [lx, ly] = face.iris!.left[0];
    expect(distance(moved.iris!.left[0], [lx * scale + dx, ly * scale + dy])).toBeLessThan(0.05 * eyeDistance(face));
  });

  it('follows a mirrored image: the eyes swap sides, and left stays the subject\'s left', async () => {
    const mirrored = await sharpToRgba(sharp(`${SKIMAGE}/astronaut.png`).flop());
    const [flipped] = (await landmarker.detect(mirrored)).faces;
    const w = astronaut.width;
    // the subject's left iris in the mirror image is the mirror of its right iris in the original
    expect(distance(flipped.iris!.left[0], [w - face.iris!.right[0][0], face.iris!.right[0][1]])).toBeLessThan(0.05 * eyeDistance(face));
    expect(distance(flipped.mesh[1], [w - face.mesh[1][0], face.mesh[1][1]])).toBeLessThan(0.05 * eyeDistance(face));
  });

  it('follows a rotated image (the crops turn with the face)', async () => {
    const degrees = 30;
    const rotated = await sharpToRgba(sharp(`${SKIMAGE}/astronaut.png`).rotate(degrees, { background: '#808080' }));
    const [turned] = (await landmarker.detect(rotated)).faces;
    expect(turned).toBeDefined();
    const a = (degrees * Math.PI) / 180; // sharp turns clockwise on screen (y down)
    const [cx, cy, ncx, ncy] = [astronaut.width / 2, astronaut.height / 2, rotated.width / 2, rotated.height / 2];
    const expected = face.mesh.map(([x, y, z]) => [ncx + Math.cos(a) * (x - cx) - Math.sin(a) * (y - cy), ncy + Math.sin(a) * (x - cx) + Math.cos(a) * (y - cy), z] as Point3);
    expect(meshError(turned, expected, face)).toBeLessThan(0.05);
  });

  it('takes a [h, w, 3] tensor as well as RGBA, and leaves it to the caller', async () => {
    const tensor = tf.tensor3d(Int32Array.from(astronaut.data), [astronaut.height, astronaut.width, 4], 'int32').slice([0, 0, 0], [-1, -1, 3]) as tf.Tensor3D;
    const [fromTensor] = (await landmarker.detect(tensor)).faces;
    expect(tensor.isDisposed).toBe(false);
    tensor.dispose();
    expect(meshError(fromTensor, face.mesh, face)).toBeLessThan(1e-3);
  });

  it('counts several faces up to maxFaces', async () => {
    const two = paste(astronaut, 1024, 512, 0, 0);
    for (let y = 0; y < 512; y++) two.data.set(astronaut.data.subarray(4 * y * 512, 4 * (y + 1) * 512), 4 * (y * 1024 + 512));
    const found = (await landmarker.detect(two)).faces;
    expect(found).toHaveLength(2);
    expect(Math.abs(found[0].box.x - found[1].box.x)).toBeGreaterThan(400);
    const single = await createFaceLandmarker({ models: models(), maxFaces: 1 });
    expect((await single.detect(two)).faces).toHaveLength(1);
    single.dispose();
  });

  it('leaks no tensors per call, with or without a face, and frees its models on dispose', async () => {
    const before = tf.memory().numTensors;
    const own = await createFaceLandmarker({ models: models() });
    const loaded = tf.memory().numTensors;
    expect(loaded).toBeGreaterThan(before);
    const coffee = await readRgbaImage(`${SKIMAGE}/coffee.png`);
    for (const image of [astronaut, coffee, astronaut]) {
      const start = tf.memory().numTensors;
      const result = await own.detect(image);
      expect(result.timings.detectorMs).toBeGreaterThan(0);
      expect(tf.memory().numTensors).toBe(start);
    }
    own.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('face tracking along a stream (wasm)', () => {
  let landmarker: FaceLandmarker;
  let astronaut: RgbaImage;
  let small: RgbaImage;
  const at = (dx: number, dy: number) => paste(small, 640, 480, dx, dy);

  beforeAll(async () => {
    await useNodeBackend('wasm');
    landmarker = await createFaceLandmarker({ models: models() });
    astronaut = await readRgbaImage(`${SKIMAGE}/astronaut.png`);
    small = await readRgbaImage(`${SKIMAGE}/astronaut.png`, { width: 320, height: 320 });
  });
  afterAll(() => landmarker.dispose());

  it('follows a moving face without the detector, close to detecting it afresh', async () => {
    const first = await landmarker.detect(at(100, 60), { track: 'moving' });
    expect(first.detectorRan).toBe(true);
    for (const [dx, dy] of [[110, 64], [122, 70], [135, 75]]) {
      const tracked = await landmarker.detect(at(dx, dy), { track: 'moving' });
      expect(tracked.detectorRan).toBe(false);
      expect(tracked.timings.detectorMs).toBe(0);
      const fresh = await landmarker.detect(at(dx, dy));
      expect(fresh.detectorRan).toBe(true);
      const [t, f] = [tracked.faces[0], fresh.faces[0]];
      // within what the existing shift test allows detect-to-detect, against both the known shift and a fresh detection
      expect(meshError(t, first.faces[0].mesh.map(([x, y, z]) => [x + dx - 100, y + dy - 60, z] as Point3), f)).toBeLessThan(0.04);
      expect(meshError(t, f.mesh, f)).toBeLessThan(0.04);
      expect(distance(t.iris!.left[0], f.iris!.left[0])).toBeLessThan(0.05 * eyeDistance(f));
      // The classifier's crop comes from the box: the carried box stays where the face moved, as
      // closely as the detector's own box does (its 256-px input quantises this frame to ~4 px).
      const start = first.faces[0].box;
      const expected = { x: start.x + dx - 100, y: start.y + dy - 60, width: start.width, height: start.height };
      for (const key of ['x', 'y'] as const) expect(Math.abs(t.box[key] - expected[key])).toBeLessThan(0.1 * start.width);
      for (const key of ['width', 'height'] as const) expect(Math.abs(t.box[key] - expected[key])).toBeLessThan(0.12 * start.width);
      expect(t.detectorScore).toBe(first.faces[0].detectorScore);
    }
  });

  it('runs the detector again when the face jumps out of its region, or is gone', async () => {
    await landmarker.detect(at(0, 0), { track: 'jump' });
    const jumped = await landmarker.detect(at(310, 150), { track: 'jump' });
    expect(jumped.detectorRan).toBe(true);
    expect(jumped.faces).toHaveLength(1);
    expect(jumped.faces[0].box.x).toBeGreaterThan(310);
    const coffee = await readRgbaImage(`${SKIMAGE}/coffee.png`);
    const gone = await landmarker.detect(coffee, { track: 'jump' });
    expect(gone.detectorRan).toBe(true);
    expect(gone.faces).toEqual([]);
    expect((await landmarker.detect(coffee, { track: 'jump' })).detectorRan).toBe(true);
  });

  it('keeps streams apart, and never tracks without a stream key', async () => {
    await landmarker.detect(astronaut, { track: 'a' });
    expect((await landmarker.detect(astronaut, { track: 'b' })).detectorRan).toBe(true);
    expect((await landmarker.detect(astronaut, { track: 'a' })).detectorRan).toBe(false);
    expect((await landmarker.detect(astronaut)).detectorRan).toBe(true);
    expect((await landmarker.detect(astronaut)).detectorRan).toBe(true);
  });

  it('runs the detector every redetectEvery frames, and after a gap', async () => {
    const every3 = await createFaceLandmarker({ models: models(), redetectEvery: 3 });
    const ran = [];
    for (let i = 0; i < 7; i++) ran.push((await every3.detect(astronaut, { track: 's' })).detectorRan);
    expect(ran).toEqual([true, false, false, true, false, false, true]);
    every3.dispose();
    const noGap = await createFaceLandmarker({ models: models(), maxTrackGapMs: 0 });
    await noGap.detect(astronaut, { track: 's' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await noGap.detect(astronaut, { track: 's' })).detectorRan).toBe(true);
    noGap.dispose();
  });

  it('leaks no tensors on tracked frames', async () => {
    await landmarker.detect(astronaut, { track: 'leak' });
    const start = tf.memory().numTensors;
    const result = await landmarker.detect(astronaut, { track: 'leak' });
    expect(result.detectorRan).toBe(false);
    expect(tf.memory().numTensors).toBe(start);
  });
});
