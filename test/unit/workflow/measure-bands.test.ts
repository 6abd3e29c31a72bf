import { describe, expect, it } from 'vitest';
import { DEFAULT_MEASURE_BANDS, inBand } from '../../../src/workflow/measure-bands';
import { MEASURE_IDS } from '../../../src/protocol/quality-measures';
import { PROFILE_IDS } from '../../../src/workflow/types';

describe('measure bands', () => {
  it('bounds the raw value or the score, bounds included', () => {
    expect(inBand({ raw: 8, score: 10 }, { on: 'raw', min: -8, max: 8 })).toBe(true);
    expect(inBand({ raw: 8.1, score: 100 }, { on: 'raw', min: -8, max: 8 })).toBe(false);
    expect(inBand({ raw: 0, score: 30 }, { on: 'score', min: 30 })).toBe(true);
    expect(inBand({ raw: 1e9, score: 29.9 }, { on: 'score', min: 30 })).toBe(false);
  });

  it('names only known measures, with a bound on each band', () => {
    for (const profile of PROFILE_IDS) {
      for (const [id, band] of Object.entries(DEFAULT_MEASURE_BANDS[profile])) {
        expect(MEASURE_IDS).toContain(id);
        expect(band.min !== undefined || band.max !== undefined).toBe(true);
      }
    }
  });
});
