import { describe, expect, it } from 'vitest';
import { ownExtension, senderRole } from '../../../src/protocol/sender';

const extension = ownExtension({ id: 'abcdefghijklmnop', getURL: (path) => `chrome-extension://abcdefghijklmnop${path}` });

describe('senderRole', () => {
  it('knows the extension from its runtime', () => {
    expect(extension).toEqual({ id: 'abcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnop' });
  });

  it('tells FaceReady’s own pages from its content scripts, by the origin the browser reports', () => {
    // The popup: no tab. The options and check pages: a tab, on the extension's origin.
    expect(senderRole({ id: extension.id, url: 'chrome-extension://abcdefghijklmnop/popup.html', origin: extension.origin }, extension)).toBe('extension-page');
    expect(senderRole({ id: extension.id, url: 'chrome-extension://abcdefghijklmnop/options.html' }, extension)).toBe('extension-page');
    // A content script: FaceReady's id, but the page's URL and origin.
    expect(senderRole({ id: extension.id, url: 'https://clinic.example/consult', origin: 'https://clinic.example' }, extension)).toBe('content-script');
    expect(senderRole({ id: extension.id, url: 'http://localhost:5174/?autostart' }, extension)).toBe('content-script');
  });

  it('is not fooled by a page URL that merely contains the extension’s origin', () => {
    expect(senderRole({ id: extension.id, url: 'https://evil.example/chrome-extension://abcdefghijklmnop/popup.html' }, extension)).toBe('content-script');
    expect(senderRole({ id: extension.id, url: 'chrome-extension://abcdefghijklmnopq/popup.html' }, extension)).toBe('content-script');
    expect(senderRole({ id: extension.id, url: extension.origin }, extension)).toBe('content-script');
    expect(senderRole({ id: extension.id, origin: 'null', url: 'chrome-extension://abcdefghijklmnop/popup.html' }, extension)).toBe('content-script');
  });

  it('calls anything without FaceReady’s id foreign', () => {
    expect(senderRole({ id: 'another-extension', url: 'chrome-extension://abcdefghijklmnop/popup.html' }, extension)).toBe('foreign');
    expect(senderRole({ url: 'https://clinic.example/' }, extension)).toBe('foreign');
    expect(senderRole(undefined, extension)).toBe('foreign');
  });
});
