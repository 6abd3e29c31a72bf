import { describe, expect, it } from 'vitest';
import { toolbarState, toolbarWords } from '../../../src/extension/toolbar-state';

const all = () => true;
const none = () => false;

describe('toolbar state', () => {
  it('is ON on an enabled site the browser granted, and on local pages of a test build', () => {
    expect(toolbarState('https://consult.example.org/room/7', ['https://consult.example.org'], all)).toEqual({ on: true, origin: 'https://consult.example.org' });
    expect(toolbarState('http://localhost:5174/?autostart', [], all)).toEqual({ on: true, origin: 'http://localhost:5174' }); // vitest runs in test mode
  });
  it('is off where the site is not enabled, not granted, or not a web page', () => {
    expect(toolbarState('https://other.example/', ['https://consult.example.org'], all)).toEqual({ on: false, origin: 'https://other.example' });
    expect(toolbarState('https://consult.example.org/', ['https://consult.example.org'], none)).toEqual({ on: false, origin: 'https://consult.example.org' });
    expect(toolbarState('chrome://extensions/', ['https://consult.example.org'], all)).toEqual({ on: false, origin: null });
    expect(toolbarState(undefined, ['https://consult.example.org'], all)).toEqual({ on: false, origin: null });
  });
  it('words the badge and tooltip in the user’s language', () => {
    expect(toolbarWords({ on: true, origin: 'https://a.example' }, 'en')).toEqual({ badge: 'ON', title: 'FaceReady is on for https://a.example' });
    expect(toolbarWords({ on: true, origin: 'https://a.example' }, 'de')).toEqual({ badge: 'AN', title: 'FaceReady ist für https://a.example eingeschaltet' });
    expect(toolbarWords({ on: false, origin: 'https://a.example' }, 'en').badge).toBe('');
    expect(toolbarWords({ on: false, origin: null }, 'de').title).toMatch(/^FaceReady ist auf dieser Seite ausgeschaltet/);
  });
});
