import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRgbaImage } from '../../../scripts/lib/node-io';
import type { RgbaImage } from '../../../src/image';
import { createEyeStateDetector, DEFAULT_EYE_STATE_CONFIG, validateEyeStateConfig, type EyeStateDetector } from '../../../src/model/eyes';
import { syntheticFace } from './face-fixtures';

const XML = readFileSync('public/models/vendor/opencv/haarcascade_eye.xml', 'utf8');

describe('validateEyeStateConfig', () => {
  it('fills defaults, keeps set values, and does not mutate the input', () => {
    expect(validateEyeStateConfig({})).toEqual(DEFAULT_EYE_STATE_CONFIG);
    const input = { earThreshold: 0.3, haar: { ...DEFAULT_EYE_STATE_CONFIG.haar, minNeighbors: 5 } };
    const out = validateEyeStateConfig(input);
    expect(out.earThreshold).toBe(0.3);
    expect(out.haar.minNeighbors).toBe(5);
    expect(out.fusedThreshold).toBe(DEFAULT_EYE_STATE_CONFIG.fusedThreshold);
    expect(input).toEqual({ earThreshold: 0.3, haar: { ...DEFAULT_EYE_STATE_CONFIG.haar, minNeighbors: 5 } });
    expect(validateEyeStateConfig({ earThreshold: undefined }).earThreshold).toBe(DEFAULT_EYE_STATE_CONFIG.earThreshold);
  });
});

describe('createEyeStateDetector', () => {
  let astronaut: RgbaImage;
  let detector: EyeStateDetector;
  beforeAll(async () => {
    astronaut = await readRgbaImage('/usr/lib/python3/dist-packages/skimage/data/astronaut.png');
    detector = await createEyeStateDetector({ cascade: XML });
  });

  // the astronaut's eyes are near (202, 101) and (246, 103); a synthetic mesh puts open lids there
  const openFace = () => syntheticFace({ cx: 202, cy: 101, width: 22, halfOpening: 3.5 });

  it('finds open eyes on the astronaut photo by landmarks and by the cascade in each eye region', () => {
    const r = detector.run(astronaut, openFace());
    expect(r.state).toBe('open');
    expect(r.landmarkState).toBe('open');
    expect(r.haarState).toBe('open');
    expect(r.right.haarHits!.length).toBeGreaterThan(0);
    for (const hit of r.right.haarHits!) {
      expect(hit.x).toBeGreaterThanOrEqual(r.right.region!.x);
      expect(hit.x + hit.width).toBeLessThanOrEqual(r.right.region!.x + r.right.region!.width + 1e-9);
    }
    expect(r.right.ear).toBeCloseTo(7 / 22, 10);
    expect(r.timings.totalMs).toBeGreaterThan(0);
    expect(structuredClone(r)).toEqual(r);
  });

  it('says closed for closed lids on a featureless image (no cascade hits)', () => {
    const flat: RgbaImage = { width: 400, height: 300, data: new Uint8ClampedArray(400 * 300 * 4).fill(128) };
    const r = detector.run(flat, syntheticFace({ cx: 200, cy: 150, width: 22, halfOpening: 0.3 }));
    expect([r.state, r.landmarkState, r.haarState]).toEqual(['closed', 'closed', 'closed']);
    expect(r.right.haarHits).toEqual([]);
  });

  it('is uncertain when the mesh is not confident, and skips the cascade for tiny eyes', () => {
    expect(detector.run(astronaut, { ...openFace(), meshScore: 0.1 }).state).toBe('uncertain');
    const tiny = detector.run(astronaut, syntheticFace({ cx: 202, cy: 101, width: 4, halfOpening: 0.6 }));
    expect(tiny.right.region).toBeNull();
    expect(tiny.haarState).toBe('uncertain');
  });

  it('accepts a cascade loader', async () => {
    const loaded = await createEyeStateDetector({ cascade: async () => XML });
    expect(loaded.run(astronaut, openFace()).state).toBe('open');
  });
});
