import { describe, expect, it } from 'vitest';
import { contentScriptMatches, LOCAL_MATCHES, originMatchPattern, originsStillPermitted } from '../../../src/extension/site-matches';

describe('site match patterns', () => {
  it('turns an http(s) origin into a host pattern', () => {
    expect(originMatchPattern('https://consult.example.org')).toBe('https://consult.example.org/*');
    expect(originMatchPattern('http://clinic.example:8080')).toBe('http://clinic.example/*');
  });
  it('refuses anything that is not a bare http(s) origin', () => {
    for (const bad of ['file:///etc', 'chrome://settings', 'https://a.example/path', 'not a url', '']) expect(originMatchPattern(bad)).toBeNull();
  });
  it('covers the built-in local pages of a test build, adds enabled sites once, and drops invalid ones', () => {
    expect(LOCAL_MATCHES).toEqual(['http://localhost/*', 'http://127.0.0.1/*']); // vitest runs in test mode
    const matches = contentScriptMatches(['https://a.example', 'https://a.example', 'javascript:alert(1)']);
    expect(matches).toEqual([...LOCAL_MATCHES, 'https://a.example/*']);
  });
});

describe('originsStillPermitted', () => {
  it('drops every enabled origin of a host whose permission was removed, ports included', () => {
    const enabled = ['https://clinic.example', 'https://clinic.example:8443', 'http://clinic.example', 'https://other.example'];
    expect(originsStillPermitted(enabled, ['https://clinic.example/*'])).toEqual(['http://clinic.example', 'https://other.example']);
  });

  it('keeps everything when an unrelated permission goes', () => {
    expect(originsStillPermitted(['https://clinic.example'], ['https://elsewhere.example/*'])).toEqual(['https://clinic.example']);
  });
});
