import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: {} }));
vi.mock('../../../src/extension/settings', () => ({ enabledOrigins: {} }));
const { siteCovered } = await import('../../../src/extension/site-enabled');

describe('siteCovered', () => {
  it('keeps the local demo on always, and another site only while it is enabled (any port of its host)', () => {
    expect(siteCovered('http://localhost:5174', [])).toBe(true);
    expect(siteCovered('https://clinic.example', ['https://clinic.example'])).toBe(true);
    expect(siteCovered('https://clinic.example:8443', ['https://clinic.example'])).toBe(true);
    expect(siteCovered('https://clinic.example', ['https://other.example'])).toBe(false);
    expect(siteCovered('https://clinic.example', [])).toBe(false);
    expect(siteCovered('file:///tmp/page.html', ['https://clinic.example'])).toBe(false);
  });
});
