import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKEND_CHOICES } from '../../../src/engine/backend-choice';
import { DEFAULT_SETTINGS, LIME_SAMPLE_LIMITS, SAMPLING_FPS_LIMITS, SITE_ROLES, UI_LANGUAGES } from '../../../src/extension/setting-values';
import { EXPLAIN_METHODS } from '../../../src/xai/explain-method';
import { PROFILE_IDS } from '../../../src/workflow/types';
import { mergeOrigins, mergePerSite, preferManaged, validManagedPolicy } from '../../../src/extension/managed-policy';

describe('managed policy', () => {
  it('keeps every known, valid setting of a policy', () => {
    const policy = {
      enabledOrigins: ['https://consult.example.org'],
      samplingFps: 3,
      backendChoice: 'wasm',
      explainMethod: 'gradcam',
      limeSamples: 500,
      uiLanguage: 'de',
      defaultProfile: 'id-photo',
      siteProfiles: { 'https://consult.example.org': 'uv' },
      siteRoles: { 'https://consult.example.org': 'doctor' },
    };
    expect(validManagedPolicy(policy)).toEqual(policy);
  });

  it('ignores values that do not fit instead of replacing them by defaults', () => {
    expect(validManagedPolicy({ samplingFps: 500, backendChoice: 'quantum', uiLanguage: 7, limeSamples: 1.5, defaultProfile: null })).toEqual({});
  });

  it('drops unknown keys, prototype tricks and invalid entries inside lists and maps', () => {
    const raw = JSON.parse('{"__proto__": {"samplingFps": 2}, "constructor": 1, "shellCommand": "rm", "enabledOrigins": ["https://a.example", "javascript:alert(1)", 3], "siteProfiles": {"https://a.example": "consult", "ftp://b.example": "uv", "https://c.example": "party"}}');
    const policy = validManagedPolicy(raw);
    expect(policy).toEqual({ enabledOrigins: ['https://a.example'], siteProfiles: { 'https://a.example': 'consult' } });
    expect(Object.getPrototypeOf(policy)).toBe(Object.prototype);
    expect(policy.samplingFps).toBeUndefined();
  });

  it('reads no policy from anything but an object', () => {
    for (const raw of [undefined, null, 'samplingFps=3', [{ samplingFps: 3 }], 42]) expect(validManagedPolicy(raw)).toEqual({});
  });

  it('lets the administrator win, and merges sites and per-site profiles', () => {
    expect(preferManaged(5, 2)).toBe(2);
    expect(preferManaged(5, undefined)).toBe(5);
    expect(mergeOrigins(['https://mine.example', 'https://both.example'], ['https://both.example', 'https://admin.example'])).toEqual([
      'https://both.example',
      'https://admin.example',
      'https://mine.example',
    ]);
    expect(mergePerSite({ 'https://a.example': 'uv', 'https://b.example': 'consult' }, { 'https://a.example': 'id-photo' })).toEqual({
      'https://a.example': 'id-photo',
      'https://b.example': 'consult',
    });
  });
});

describe('the managed storage schema (public/managed_schema.json)', () => {
  const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as { properties: Record<string, { enum?: unknown[]; minimum?: number; maximum?: number; additionalProperties?: { enum: unknown[] } }> };

  it('declares exactly the settings a policy may set', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('allows the same values as the settings themselves', () => {
    const p = schema.properties;
    expect(p.backendChoice.enum).toEqual([...BACKEND_CHOICES]);
    expect(p.explainMethod.enum).toEqual([...EXPLAIN_METHODS]);
    expect(p.uiLanguage.enum).toEqual([...UI_LANGUAGES]);
    expect(p.defaultProfile.enum).toEqual([...PROFILE_IDS]);
    expect(p.siteProfiles.additionalProperties?.enum).toEqual([...PROFILE_IDS]);
    expect(p.siteRoles.additionalProperties?.enum).toEqual([...SITE_ROLES]);
    expect([p.samplingFps.minimum, p.samplingFps.maximum]).toEqual([SAMPLING_FPS_LIMITS.min, SAMPLING_FPS_LIMITS.max]);
    expect([p.limeSamples.minimum, p.limeSamples.maximum]).toEqual([LIME_SAMPLE_LIMITS.min, LIME_SAMPLE_LIMITS.max]);
  });
});
