import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  parseOriginInput,
  parseWholeNumber,
  SAMPLING_FPS_LIMITS,
  validBackendChoice,
  validExplainMethod,
  validLimeSamples,
  validOrigins,
  validProfile,
  validSamplingFps,
  validSiteProfiles,
  validUiLanguage,
} from '../../../src/extension/setting-values';
import { validatedItem } from '../../../src/extension/validated-item';
import { EXPLAIN_LIMITS } from '../../../src/protocol/messages';

const GARBAGE: unknown[] = [undefined, null, '', 'nonsense', 7.5, -1, NaN, Infinity, {}, [], true];

describe('stored settings', () => {
  it('keeps every valid value as stored', () => {
    expect(validSamplingFps(12)).toBe(12);
    expect(validLimeSamples(EXPLAIN_LIMITS.minSamples)).toBe(EXPLAIN_LIMITS.minSamples);
    expect(validLimeSamples(EXPLAIN_LIMITS.maxSamples)).toBe(EXPLAIN_LIMITS.maxSamples);
    expect(validBackendChoice('wasm')).toBe('wasm');
    expect(validExplainMethod('lime')).toBe('lime');
    expect(validUiLanguage('de')).toBe('de');
    expect(validProfile('id-photo')).toBe('id-photo');
  });

  it('falls back to the default for anything else, without throwing', () => {
    for (const bad of GARBAGE) {
      expect(validSamplingFps(bad)).toBe(DEFAULT_SETTINGS.samplingFps);
      expect(validLimeSamples(bad)).toBe(DEFAULT_SETTINGS.limeSamples);
      expect(validBackendChoice(bad)).toBe(DEFAULT_SETTINGS.backendChoice);
      expect(validExplainMethod(bad)).toBe(DEFAULT_SETTINGS.explainMethod);
      expect(validUiLanguage(bad)).toBe(DEFAULT_SETTINGS.uiLanguage);
      expect(validProfile(bad)).toBe(DEFAULT_SETTINGS.defaultProfile);
      expect(validOrigins(bad)).toEqual([]);
      expect(validSiteProfiles(bad)).toEqual({});
    }
  });

  it('bounds the sampling rate and LIME samples at their limits', () => {
    expect(validSamplingFps(SAMPLING_FPS_LIMITS.max + 1)).toBe(DEFAULT_SETTINGS.samplingFps);
    expect(validSamplingFps(SAMPLING_FPS_LIMITS.min - 1)).toBe(DEFAULT_SETTINGS.samplingFps);
    expect(validLimeSamples(EXPLAIN_LIMITS.maxSamples + 1)).toBe(DEFAULT_SETTINGS.limeSamples);
    expect(validLimeSamples(EXPLAIN_LIMITS.minSamples - 1)).toBe(DEFAULT_SETTINGS.limeSamples);
  });

  it('keeps only real origins, once each, and only valid per-site profiles', () => {
    expect(validOrigins(['https://a.example', 'https://a.example', 'https://b.example/path', 42, 'chrome://settings', 'http://c.example:8080'])).toEqual([
      'https://a.example',
      'http://c.example:8080',
    ]);
    expect(validSiteProfiles({ 'https://a.example': 'uv', 'https://b.example': 'passport', 'not an origin': 'consult', 'https://c.example': 3 })).toEqual({
      'https://a.example': 'uv',
    });
  });
});

describe('what the user types', () => {
  it('reads whole numbers within the limits and says why others are refused', () => {
    expect(parseWholeNumber(' 8 ', SAMPLING_FPS_LIMITS)).toEqual({ ok: true, value: 8 });
    expect(parseWholeNumber('16', SAMPLING_FPS_LIMITS)).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseWholeNumber('0', SAMPLING_FPS_LIMITS)).toEqual({ ok: false, reason: 'out-of-range' });
    for (const text of ['', '2.5', '-3', 'five', '1e1']) expect(parseWholeNumber(text, SAMPLING_FPS_LIMITS)).toEqual({ ok: false, reason: 'not-a-whole-number' });
  });

  it('turns a typed site into its origin', () => {
    expect(parseOriginInput('consult.example.org')).toBe('https://consult.example.org');
    expect(parseOriginInput(' https://consult.example.org/room/42?x=1 ')).toBe('https://consult.example.org');
    expect(parseOriginInput('http://clinic.example:8080/')).toBe('http://clinic.example:8080');
    expect(parseOriginInput('localhost:8080')).toBe('https://localhost:8080');
    expect(parseOriginInput('HTTPS://Consult.Example.org')).toBe('https://consult.example.org');
  });

  it('refuses what is not an http(s) site', () => {
    for (const text of ['', '   ', 'file:///etc/passwd', 'chrome://settings', 'javascript:alert(1)', 'two words.example', 'https://']) expect(parseOriginInput(text)).toBeNull();
  });
});

describe('validated storage items', () => {
  it('validates reads and watched changes but passes writes through', async () => {
    let stored: unknown = 'garbage';
    let listener: ((next: unknown, previous: unknown) => void) | null = null;
    const raw = {
      getValue: async () => stored as number,
      setValue: async (value: number) => {
        stored = value;
      },
      watch: (callback: (next: number, previous: number) => void) => {
        listener = callback as (next: unknown, previous: unknown) => void;
        return () => (listener = null);
      },
    };
    const item = validatedItem(raw, validSamplingFps);
    expect(await item.getValue()).toBe(DEFAULT_SETTINGS.samplingFps);
    await item.setValue(9);
    expect(await item.getValue()).toBe(9);
    const seen: [number, number][] = [];
    const unwatch = item.watch((next, previous) => seen.push([next, previous]));
    listener!(12, 'garbage');
    expect(seen).toEqual([[12, DEFAULT_SETTINGS.samplingFps]]);
    unwatch();
    expect(listener).toBeNull();
  });
});
