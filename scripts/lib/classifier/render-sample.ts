/** Turns a SampleSpec into pixels: photo → synthetic defect → blur → webcam augmentation. */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { Box, FaceLandmarks } from '../../../src/model/face/types';
import { toRgbTensor } from '../../../src/model/rgb-tensor';
import { readRgbaImage } from '../node-io';
import { applyBlur, applyPhotometric, jpegRoundTrip, type BlurSpec } from './image-ops';
import type { SampleSpec } from './samples';

/** Face side (px) above which blur is synthesised at reduced scale. */
const BLUR_WORKING_SIDE = 128;

/** Scales a relative blur recipe to pixels for a face (or frame) of side `side`. */
export function resolveBlur(spec: BlurSpec, side: number): BlurSpec {
  switch (spec.kind) {
    case 'gaussian':
      return { kind: 'gaussian', sigma: Math.max(0.5, spec.sigma * side) };
    case 'disc':
      return { kind: 'disc', radius: Math.max(1, spec.radius * side) };
    case 'motion':
      return { kind: 'motion', length: Math.max(2, spec.length * side), angle: spec.angle };
    case 'lowres':
      return spec;
  }
}

/**
 * Blurs at a reduced scale when the face is large (the network sees ≤ 160 px anyway): down, blur
 * with the kernel scaled alike, back up. Same look, a fraction of the cost of a 70-px kernel.
 */
export function blurAtWorkingScale(image: tf.Tensor3D, blur: BlurSpec, faceSide: number): tf.Tensor3D {
  const [h, w] = image.shape;
  const f = Math.min(1, BLUR_WORKING_SIDE / faceSide);
  if (f === 1 || blur.kind === 'lowres') return applyBlur(image, resolveBlur(blur, faceSide));
  const small = tf.image.resizeBilinear(image, [Math.max(1, Math.round(h * f)), Math.max(1, Math.round(w * f))], true);
  const blurred = applyBlur(small, resolveBlur(blur, faceSide * f));
  const out = tf.image.resizeBilinear(blurred, [h, w], true);
  tf.dispose([small, blurred]);
  return out;
}

export type OccluderPainter = (image: tf.Tensor3D, face: FaceLandmarks, occluder: NonNullable<SampleSpec['occluder']>) => Promise<tf.Tensor3D>;

/** The most confident face, if any. */
export function primaryFace(faces: readonly FaceLandmarks[] | undefined): FaceLandmarks | undefined {
  return faces?.length ? faces.reduce((a, b) => (b.detectorScore > a.detectorScore ? b : a)) : undefined;
}

export interface RenderedSample {
  image: tf.Tensor3D;
  /** Face box to crop on (crop policy "face"), in the rendered image's pixels. */
  faceBox?: Box;
}

export async function renderSample(spec: SampleSpec, root: string, face: FaceLandmarks | undefined, paintOccluder?: OccluderPainter): Promise<RenderedSample> {
  const rgba = await readRgbaImage(join(root, spec.relPath));
  let image = toRgbTensor(rgba);
  const swap = (next: tf.Tensor3D) => {
    if (next !== image) image.dispose();
    image = next;
  };
  let faceBox = face?.box;
  if (spec.occluder) {
    if (!face || !paintOccluder) throw new Error(`sample ${spec.relPath}: occluder ${spec.occluder.kind} needs landmarks`);
    swap(await paintOccluder(image, face, spec.occluder));
  }
  if (spec.blur) {
    const side = faceBox ? Math.max(faceBox.width, faceBox.height) : Math.min(image.shape[0], image.shape[1]);
    swap(blurAtWorkingScale(image, spec.blur, side));
  }
  if (spec.photometric) {
    const p = spec.photometric;
    if (faceBox) {
      // jitter the face box (scale, shift) instead of cropping the frame, and mirror it with the image
      const [cx, cy, cw, ch] = p.crop;
      const s = 0.9 + 0.2 * ((cw + ch) / 2 - 0.82) / 0.18;
      const width = faceBox.width * s;
      const height = faceBox.height * s;
      let x = faceBox.x + (faceBox.width - width) / 2 + (cx - 0.09) * faceBox.width;
      const y = faceBox.y + (faceBox.height - height) / 2 + (cy - 0.09) * faceBox.height;
      if (p.flip) x = image.shape[1] - x - width;
      faceBox = { x, y, width, height };
      swap(applyPhotometric(image, { ...p, crop: [0, 0, 1, 1] }));
    } else {
      swap(applyPhotometric(image, p));
    }
  }
  if (spec.jpegQuality) swap(await jpegRoundTrip(image, spec.jpegQuality));
  return { image, faceBox };
}
