import { describe, expect, it } from 'vitest';
import { fuseEye, fuseFace } from '../../../src/model/eyes/fuse-eye-state';

const t = { haarBonus: 0.05, fusedThreshold: 0.2, uncertainMargin: 0.01 };

describe('fuseEye', () => {
  it('adds the Haar bonus only when the cascade fired', () => {
    expect(fuseEye({ ear: 0.17, haarHits: 1 }, t)).toEqual({ state: 'open', score: 0.17 + 0.05 });
    expect(fuseEye({ ear: 0.17, haarHits: 0 }, t)).toEqual({ state: 'closed', score: 0.17 });
    expect(fuseEye({ ear: 0.17, haarHits: null }, t).state).toBe('closed');
  });

  it('is uncertain near the threshold or without landmarks', () => {
    expect(fuseEye({ ear: 0.205, haarHits: 0 }, t).state).toBe('uncertain');
    expect(fuseEye({ ear: 0.195, haarHits: 0 }, t).state).toBe('uncertain');
    expect(fuseEye({ ear: null, haarHits: 3 }, t)).toEqual({ state: 'uncertain', score: null });
  });
});

describe('fuseFace', () => {
  it('averages the two eyes’ scores and ignores an unmeasured eye', () => {
    expect(fuseFace({ state: 'open', score: 0.3 }, { state: 'closed', score: 0.05 }, t)).toEqual({ state: 'closed', score: 0.175 });
    expect(fuseFace({ state: 'open', score: 0.3 }, { state: 'uncertain', score: null }, t)).toEqual({ state: 'open', score: 0.3 });
    expect(fuseFace({ state: 'uncertain', score: null }, { state: 'uncertain', score: null }, t).state).toBe('uncertain');
  });
});
