import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRgbaImage } from '../../../scripts/lib/node-io';
import type { RgbaImage } from '../../../src/image';
import { createEyeStateDetector, DEFAULT_EYE_STATE_CONFIG, landmarksAmbiguous, validateEyeStateConfig, type EyeStateDetector } from '../../../src/model/eyes';
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

  it('finds open eyes on the astronaut photo by landmarks and by the cascade in each eye region', async () => {
    const always = await createEyeStateDetector({ cascade: XML, cascadeRuns: 'always' });
    const r = always.run(astronaut, openFace());
    expect(r).toMatchObject({ cascadeRan: true, confidentlyClosed: false });
    expect(r.openness).toBeCloseTo(7 / 22, 10);
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

  it('says closed for closed lids on a featureless image (no cascade hits)', async () => {
    const flat: RgbaImage = { width: 400, height: 300, data: new Uint8ClampedArray(400 * 300 * 4).fill(128) };
    const r = detector.run(flat, syntheticFace({ cx: 200, cy: 150, width: 22, halfOpening: 0.3 }));
    expect([r.state, r.landmarkState, r.haarState]).toEqual(['closed', 'closed', 'uncertain']); // clearly closed: the cascade did not run
    expect(r).toMatchObject({ cascadeRan: false, confidentlyClosed: true });
    const always = await createEyeStateDetector({ cascade: XML, cascadeRuns: 'always' });
    const withCascade = always.run(flat, syntheticFace({ cx: 200, cy: 150, width: 22, halfOpening: 0.3 }));
    expect([withCascade.state, withCascade.haarState, withCascade.cascadeRan, withCascade.confidentlyClosed]).toEqual(['closed', 'closed', true, true]);
    expect(withCascade.right.haarHits).toEqual([]);
  });

  it('runs the cascade only where it can change the answer: ambiguous landmarks or an unsure mesh', () => {
    const clear = detector.run(astronaut, openFace());
    expect(clear).toMatchObject({ state: 'open', cascadeRan: false, haarState: 'uncertain' });
    expect(clear.right.region).toBeNull();
    // EAR 0.25 lies in [fusedThreshold − haarBonus, fusedThreshold): the cascade decides
    const borderline = syntheticFace({ cx: 202, cy: 101, width: 22, halfOpening: 2.75 });
    expect(landmarksAmbiguous(0.25, DEFAULT_EYE_STATE_CONFIG)).toBe(true);
    const r = detector.run(astronaut, borderline);
    expect(r).toMatchObject({ cascadeRan: true, state: 'open' });
    expect(r.right.haarHits!.length).toBeGreaterThan(0);
    expect(detector.run(astronaut, { ...openFace(), meshScore: 0.8 }).cascadeRan).toBe(true);
  });

  it('gives the same fused state as running the cascade always', async () => {
    const always = await createEyeStateDetector({ cascade: XML, cascadeRuns: 'always' });
    const { fusedThreshold: t, haarBonus: b } = DEFAULT_EYE_STATE_CONFIG;
    expect([t - b - 1e-9, t - b, t - 1e-9, t].map((ear) => landmarksAmbiguous(ear, DEFAULT_EYE_STATE_CONFIG))).toEqual([false, true, true, false]);
    let ran = 0;
    for (let halfOpening = 0; halfOpening <= 5; halfOpening += 0.25) {
      const face = syntheticFace({ cx: 202, cy: 101, width: 22, halfOpening });
      const lazy = detector.run(astronaut, face);
      expect(lazy.state).toBe(always.run(astronaut, face).state);
      ran += lazy.cascadeRan ? 1 : 0;
    }
    expect(ran).toBeGreaterThan(0);
    expect(ran).toBeLessThan(21);
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
