/**
 * Explanations cross from the offscreen engine to the overlay as JSON, where typed arrays do not
 * survive: images, saliency maps and superpixel labels travel as base64 of their bytes, and are
 * checked against their declared sizes on receipt.
 */
import { base64ToBytes, bytesToBase64 } from '../capture/base64';
import type { RgbaImage } from '../image';
import type { CamResult } from '../xai/cam/base-cam';
import type { CombinedResult } from '../xai/combined';
import type { ExplanationSet } from '../xai/explain-set';
import type { LimeResult } from '../xai/lime';
import type { ScalarMap, Segmentation } from '../xai/types';
import { arrayOf, num, object, optional, ProtocolError, text, type Checked } from './check';

const MAX_SIDE = 512;
/** Base64 characters of MAX_SIDE² elements of 4 bytes (RGBA pixels, float32 saliency, int32 labels). */
const payload = text(4 * Math.ceil((MAX_SIDE * MAX_SIDE * 4) / 3));
export const wireImage = object({ width: num, height: num, rgba: payload });
const wireMap = object({ width: num, height: num, values: payload });
const wireSegmentation = object({ width: num, height: num, count: num, labels: payload });
const probabilities = arrayOf(num, 16);
const wireCam = object({ target: num, probabilities, raw: wireMap, map: wireMap });
const wireLime = object({
  target: num,
  probabilities,
  segmentation: wireSegmentation,
  coefficients: arrayOf(num, MAX_SIDE * MAX_SIDE),
  intercept: num,
  localPrediction: num,
  r2: num,
  topSegments: arrayOf(num, 1000),
  numSamples: num,
});
const wireCombined = object({ target: num, probabilities, gradcam: wireCam, overlay: wireImage, lime: wireLime });
export const explanationWire = object({ frame: wireImage, gradcam: optional(wireCam), lime: optional(wireLime), combined: optional(wireCombined) });
export type ExplanationWire = Checked<typeof explanationWire>;

const bytesOf = (view: ArrayBufferView) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);

function checkSize(width: number, height: number, what: string) {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
    throw new ProtocolError(`${what} size ${width}×${height} is outside 1–${MAX_SIDE} px`);
  }
}

/** Copies decoded bytes into a fresh, aligned buffer of `length` elements of the given array type. */
function decodeArray<T extends Uint8ClampedArray | Float32Array | Int32Array>(
  base64: string,
  make: (buffer: ArrayBuffer) => T,
  bytesPerElement: number,
  length: number,
  what: string,
): T {
  const bytes = base64ToBytes(base64);
  if (bytes.byteLength !== length * bytesPerElement) throw new ProtocolError(`${what} has ${bytes.byteLength} bytes, expected ${length * bytesPerElement}`);
  const buffer = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(buffer).set(bytes);
  return make(buffer);
}

export const encodeImage = (image: RgbaImage) => ({ width: image.width, height: image.height, rgba: bytesToBase64(bytesOf(image.data)) });
export function decodeImage(wire: Checked<typeof wireImage>, what: string): RgbaImage {
  checkSize(wire.width, wire.height, what);
  return { width: wire.width, height: wire.height, data: decodeArray(wire.rgba, (b) => new Uint8ClampedArray(b), 1, wire.width * wire.height * 4, what) };
}

const encodeMap = (map: ScalarMap) => ({ width: map.width, height: map.height, values: bytesToBase64(bytesOf(map.values)) });
function decodeMap(wire: Checked<typeof wireMap>, what: string): ScalarMap {
  checkSize(wire.width, wire.height, what);
  return { width: wire.width, height: wire.height, values: decodeArray(wire.values, (b) => new Float32Array(b), 4, wire.width * wire.height, what) };
}

const encodeSegmentation = (s: Segmentation) => ({ width: s.width, height: s.height, count: s.count, labels: bytesToBase64(bytesOf(s.labels)) });
function decodeSegmentation(wire: Checked<typeof wireSegmentation>): Segmentation {
  checkSize(wire.width, wire.height, 'superpixels');
  const labels = decodeArray(wire.labels, (b) => new Int32Array(b), 4, wire.width * wire.height, 'superpixel labels');
  if (labels.some((label) => label < 0 || label >= wire.count)) throw new ProtocolError(`superpixel labels fall outside 0–${wire.count - 1}`);
  return { width: wire.width, height: wire.height, count: wire.count, labels };
}

const encodeCam = (cam: CamResult) => ({ target: cam.target, probabilities: cam.probabilities, raw: encodeMap(cam.raw), map: encodeMap(cam.map) });
const decodeCam = (wire: Checked<typeof wireCam>): CamResult => ({ ...wire, raw: decodeMap(wire.raw, 'Grad-CAM raw map'), map: decodeMap(wire.map, 'Grad-CAM map') });

const encodeLime = (lime: LimeResult) => ({ ...lime, segmentation: encodeSegmentation(lime.segmentation) });
function decodeLime(wire: Checked<typeof wireLime>): LimeResult {
  const segmentation = decodeSegmentation(wire.segmentation);
  if (wire.coefficients.length !== segmentation.count) throw new ProtocolError(`LIME has ${wire.coefficients.length} coefficients for ${segmentation.count} superpixels`);
  return { ...wire, segmentation };
}

const encodeCombined = (c: CombinedResult) => ({ target: c.target, probabilities: c.probabilities, gradcam: encodeCam(c.gradcam), overlay: encodeImage(c.overlay), lime: encodeLime(c.lime) });
const decodeCombined = (wire: Checked<typeof wireCombined>): CombinedResult => ({
  target: wire.target,
  probabilities: wire.probabilities,
  gradcam: decodeCam(wire.gradcam),
  overlay: decodeImage(wire.overlay, 'combined overlay'),
  lime: decodeLime(wire.lime),
});

export function encodeExplanation(set: ExplanationSet): ExplanationWire {
  return {
    frame: encodeImage(set.frame),
    gradcam: set.gradcam && encodeCam(set.gradcam),
    lime: set.lime && encodeLime(set.lime),
    combined: set.combined && encodeCombined(set.combined),
  };
}

/** Rebuilds the typed arrays; throws a ProtocolError when any payload disagrees with its declared size. */
export function decodeExplanation(wire: ExplanationWire): ExplanationSet {
  return {
    frame: decodeImage(wire.frame, 'explained frame'),
    gradcam: wire.gradcam && decodeCam(wire.gradcam),
    lime: wire.lime && decodeLime(wire.lime),
    combined: wire.combined && decodeCombined(wire.combined),
  };
}
