import { describe, expect, it } from 'vitest';
import { checkPageSearch, parseCheckPageSearch } from '../../../src/still-image/check-page-url';

describe('check page URL', () => {
  it('round-trips an image URL with its tab and frame', () => {
    const image = { src: 'https://portal.example.org/photos/me.jpg?size=large&v=2#x', tabId: 42, frameId: 0 };
    expect(parseCheckPageSearch(checkPageSearch(image))).toEqual(image);
  });

  it('keeps data: and blob: URLs, and leaves out an unknown tab', () => {
    for (const src of ['data:image/png;base64,iVBORw0KGgo=', 'blob:https://portal.example.org/4e5f-11']) {
      expect(parseCheckPageSearch(checkPageSearch({ src }))).toEqual({ src, tabId: undefined, frameId: undefined });
    }
  });

  it('refuses what the page could not read and ignores malformed tab ids', () => {
    expect(parseCheckPageSearch('')).toBeNull();
    expect(parseCheckPageSearch('?src=javascript%3Aalert(1)')).toBeNull();
    expect(parseCheckPageSearch('?src=chrome%3A%2F%2Fsettings')).toBeNull();
    expect(parseCheckPageSearch('?src=not%20a%20url')).toBeNull();
    expect(parseCheckPageSearch('?src=https%3A%2F%2Fa.example%2Fx.png&tab=-1&frame=1.5')).toEqual({ src: 'https://a.example/x.png', tabId: undefined, frameId: undefined });
  });
});
