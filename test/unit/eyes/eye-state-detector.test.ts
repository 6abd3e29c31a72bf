import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEyeModels } from '../../../scripts/lib/eyes/eye-models';
import { readRgbaImage } from '../../../scripts/lib/node-io';
import type { RgbaImage } from '../../../src/image';
import { createEyeStateDetector, DEFAULT_EYE_STATE_CONFIG, landmarksAmbiguous, validateEyeStateConfig, type EyeStateDetector } from '../../../src/model/eyes';
import { syntheticFace } from './face-fixtures';

const MODELS = readEyeModels();
const XML = MODELS.cascade;

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
    detector = await createEyeStateDetector({ ...MODELS });
  });

  // the astronaut's eyes are near (202, 101) and (246, 103); a synthetic mesh puts open lids there
  const openFace = () => syntheticFace({ cx: 202, cy: 101, width: 22, halfOpening: 3.5 });

  it('finds open eyes on the astronaut photo by landmarks and by the cascade in each eye region', async () => {
    const always = await createEyeStateDetector({ ...MODELS, cascadeRuns: 'always' });
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

  /** An eye-crop model that gives every eye this logit (no weights, only a bias), to pin the combination rule. */
  const appearance = (logit: number) => ({ ...MODELS.patchModel, weights: MODELS.patchModel.weights.map(() => 0), bias: logit });
  const flat: RgbaImage = { width: 400, height: 300, data: new Uint8ClampedArray(400 * 300 * 4).fill(128) };
  const closedLids = () => syntheticFace({ cx: 200, cy: 150, width: 22, halfOpening: 0.3 });

  it('says closed only when the lids and the eyes\' appearance both say so', async () => {
    const looksClosed = await createEyeStateDetector({ ...MODELS, patchModel: appearance(4) });
    const r = looksClosed.run(flat, closedLids());
    expect([r.state, r.landmarkState, r.haarState]).toEqual(['closed', 'closed', 'uncertain']); // clearly closed lids: the cascade did not run
    expect(r).toMatchObject({ cascadeRan: false, confidentlyClosed: true, closedLogit: 4 });
    const always = await createEyeStateDetector({ ...MODELS, patchModel: appearance(4), cascadeRuns: 'always' });
    const withCascade = always.run(flat, closedLids());
    expect([withCascade.state, withCascade.haarState, withCascade.cascadeRan, withCascade.confidentlyClosed]).toEqual(['closed', 'closed', true, true]);
    expect(withCascade.right.haarHits).toEqual([]);
    // at the model's boundary: not closed-looking, so open
    const boundary = await createEyeStateDetector({ ...MODELS, patchModel: appearance(DEFAULT_EYE_STATE_CONFIG.closedLogitThreshold) });
    expect(boundary.run(flat, closedLids())).toMatchObject({ state: 'open', confidentlyClosed: false });
    // open-looking eyes behind lids the mesh reads as closed (some people's open eyes): open
    const looksOpen = await createEyeStateDetector({ ...MODELS, patchModel: appearance(-1) });
    expect(looksOpen.run(flat, closedLids())).toMatchObject({ state: 'open', landmarkState: 'closed', confidentlyClosed: false });
    // the appearance alone never makes open lids closed
    expect(looksClosed.run(flat, syntheticFace({ cx: 200, cy: 150, width: 22, halfOpening: 4 }))).toMatchObject({ state: 'open', confidentlyClosed: false });
  });

  it('lets the cascade vote through the lids\' score, not veto a confident closure (it fires on closed eyes too)', async () => {
    const always = await createEyeStateDetector({ ...MODELS, patchModel: appearance(4), cascadeRuns: 'always' });
    // closed lids drawn over the astronaut's open eyes: the cascade finds her eyes
    const shut = always.run(astronaut, syntheticFace({ cx: 202, cy: 101, width: 22, halfOpening: 0.3 }));
    expect(shut.right.haarHits!.length + shut.left.haarHits!.length).toBeGreaterThan(0);
    expect(shut).toMatchObject({ state: 'closed', confidentlyClosed: true });
    // lids in the band where its bonus lifts the score to open: open, so never confidently closed
    const halfOpening = ((DEFAULT_EYE_STATE_CONFIG.fusedThreshold - DEFAULT_EYE_STATE_CONFIG.haarBonus / 2) * 22) / 2;
    const lifted = always.run(astronaut, syntheticFace({ cx: 202, cy: 101, width: 22, halfOpening }));
    expect(lifted.right.haarHits!.length).toBeGreaterThan(0);
    expect(lifted).toMatchObject({ state: 'open', confidentlyClosed: false });
  });

  it('is never confidently closed when the more open eye\'s lids look open, whatever the appearance', async () => {
    const looksClosed = await createEyeStateDetector({ ...MODELS, patchModel: appearance(10) });
    const halfOpening = (DEFAULT_EYE_STATE_CONFIG.confidentMaxEar * 22) / 2 + 0.01; // EAR just above the ceiling
    expect(looksClosed.run(flat, syntheticFace({ cx: 200, cy: 150, width: 22, halfOpening })).confidentlyClosed).toBe(false);
  });

  it('rejects a model file of the wrong shape', async () => {
    await expect(createEyeStateDetector({ cascade: XML, patchModel: { ...MODELS.patchModel, weights: [1, 2] } })).rejects.toThrow(/weights/);
    await expect(createEyeStateDetector({ cascade: XML, patchModel: async () => ({ weights: [] }) })).rejects.toThrow(/patch geometry/);
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
    const always = await createEyeStateDetector({ ...MODELS, cascadeRuns: 'always' });
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

  it('accepts loaders for the cascade and the eye-crop model', async () => {
    const loaded = await createEyeStateDetector({ cascade: async () => XML, patchModel: async () => MODELS.patchModel });
    expect(loaded.run(astronaut, openFace()).state).toBe('open');
  });
});
