import { describe, expect, it } from 'vitest';
import { parse, ProtocolError } from '../../../src/protocol/check';
import { decodeExplanation, encodeExplanation, explanationWire } from '../../../src/protocol/explanation-wire';
import type { ExplanationSet } from '../../../src/xai/explain-set';

const W = 4;
const H = 3;
const frame = { width: W, height: H, data: new Uint8ClampedArray(W * H * 4).map((_, i) => i % 251) };
const map = { width: W, height: H, values: new Float32Array(W * H).map((_, i) => i / 11) };
const segmentation = { width: W, height: H, count: 2, labels: new Int32Array(W * H).map((_, i) => (i < 6 ? 0 : 1)) };
const cam = { target: 2, probabilities: [0.1, 0.1, 0.6, 0.1, 0.1], raw: { width: 2, height: 2, values: new Float32Array([0, 1, 2, 3]) }, map };
const lime = { target: 2, probabilities: cam.probabilities, segmentation, coefficients: [0.3, -0.1], intercept: 0.2, localPrediction: 0.4, r2: 0.8, topSegments: [0], numSamples: 50 };
const set: ExplanationSet = { frame, gradcam: cam, lime, combined: { target: 2, probabilities: cam.probabilities, gradcam: cam, overlay: frame, lime } };

/** What the JSON transport does to a message. */
const overJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('explanation wire format', () => {
  it('survives JSON with every typed array intact', () => {
    const wire = parse(explanationWire, overJson(encodeExplanation(set)), 'explanation');
    expect(decodeExplanation(wire)).toEqual(set);
  });

  it('keeps absent explanations absent', () => {
    const decoded = decodeExplanation(parse(explanationWire, overJson(encodeExplanation({ frame, gradcam: cam })), 'explanation'));
    expect(decoded.lime).toBeUndefined();
    expect(decoded.combined).toBeUndefined();
    expect(decoded.gradcam).toEqual(cam);
  });

  it('rejects payloads that disagree with their declared size', () => {
    const wire = encodeExplanation({ frame, gradcam: cam });
    expect(() => decodeExplanation({ ...wire, frame: { ...wire.frame, width: 5 } })).toThrow(/explained frame has 48 bytes, expected 60/);
    expect(() => decodeExplanation({ ...wire, frame: { ...wire.frame, width: 100000 } })).toThrow(ProtocolError);
  });

  it('rejects superpixel labels out of range and coefficient counts that do not match', () => {
    const bad = encodeExplanation({ frame, lime: { ...lime, segmentation: { ...segmentation, count: 1 } } });
    expect(() => decodeExplanation(bad)).toThrow(/labels fall outside 0–0/);
    const short = encodeExplanation({ frame, lime: { ...lime, coefficients: [0.3] } });
    expect(() => decodeExplanation(short)).toThrow(/1 coefficients for 2 superpixels/);
  });
});
