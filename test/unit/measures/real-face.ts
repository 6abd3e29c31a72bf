/**
 * The astronaut portrait Debian's python3-skimage ships (NASA, public domain) and its landmarks from the
 * face model in Node (WASM), for measuring real pixels under controlled degradations made with sharp.
 */
import sharp from 'sharp';
import { fileModelHandler } from '../../../scripts/lib/node-io';
import { useNodeBackend } from '../../../scripts/lib/tf-node-backend';
import type { RgbaImage } from '../../../src/image';
import { createFaceLandmarker, type FaceLandmarker, type FaceLandmarks } from '../../../src/model/face';

export const ASTRONAUT = '/usr/lib/python3/dist-packages/skimage/data/astronaut.png';
const MODELS = 'public/models/vendor/human';

export async function faceLandmarker(): Promise<FaceLandmarker> {
  await useNodeBackend('wasm');
  return createFaceLandmarker({
    models: { detector: fileModelHandler(`${MODELS}/blazeface.json`), mesh: fileModelHandler(`${MODELS}/facemesh.json`), iris: fileModelHandler(`${MODELS}/iris.json`) },
  });
}

export async function toRgba(pipeline: sharp.Sharp): Promise<RgbaImage> {
  const { data, info } = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}

/** The largest face the model finds, or throws: each degradation in the tests keeps the face findable. */
export async function detectFace(landmarker: FaceLandmarker, image: RgbaImage): Promise<{ face: FaceLandmarks; faces: FaceLandmarks[] }> {
  const { faces } = await landmarker.detect(image);
  if (faces.length === 0) throw new Error('no face found');
  const face = faces.reduce((a, b) => (b.box.width * b.box.height > a.box.width * a.box.height ? b : a));
  return { face, faces };
}
