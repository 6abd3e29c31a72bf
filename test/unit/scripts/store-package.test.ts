import { describe, expect, it } from 'vitest';
import { storePackageProblems } from '../../../scripts/lib/store-package';

const png = (size: number) => {
  const bytes = new Uint8Array(24);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, size);
  view.setUint32(20, size);
  return bytes;
};
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const manifest = {
  manifest_version: 3,
  name: '__MSG_extName__',
  short_name: 'FaceReady',
  description: 'Checks faces.',
  version: '0.2.0',
  minimum_chrome_version: '116',
  default_locale: 'en',
  icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  background: { service_worker: 'background.js' },
  action: { default_popup: 'popup.html', default_title: '__MSG_actionTitle__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
  content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
  optional_host_permissions: ['https://*/*'],
};
const archive = (overrides: Record<string, unknown> = {}, extra: [string, Uint8Array][] = []) =>
  new Map<string, Uint8Array>([
    ['manifest.json', json({ ...manifest, ...overrides })],
    ['_locales/en/messages.json', json({ extName: { message: 'FaceReady' }, actionTitle: { message: 'FaceReady: check a face' } })],
    ['background.js', new Uint8Array(10)],
    ['popup.html', new TextEncoder().encode('<script type="module" src="/chunks/popup.js"></script>')],
    ...[16, 32, 48, 128].map((size): [string, Uint8Array] => [`icon/${size}.png`, png(size)]),
    ...extra,
  ]);
const limits = { maxTotalBytes: 1e6 };

describe('store package check', () => {
  it('passes a complete production package', () => {
    expect(storePackageProblems(archive(), limits)).toEqual([]);
  });

  it('names each problem a store review would raise', () => {
    const problems = storePackageProblems(
      archive(
        { version: '0.2.0-beta', host_permissions: ['http://localhost/*'], icons: { ...manifest.icons, 48: 'icon/16.png' }, name: '__MSG_missing__', short_name: undefined },
        [
          ['chunks/a.js.map', new Uint8Array(1)],
          ['remote.html', new TextEncoder().encode('<script src="https://cdn.example/x.js"></script>')],
        ],
      ),
      limits,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/version "0.2.0-beta"/),
        expect.stringMatching(/short_name is missing/),
        expect.stringMatching(/__MSG_missing__ has no message/),
        expect.stringMatching(/icon icon\/16.png is 16×16, not 48×48/),
        expect.stringMatching(/asks for http:\/\/localhost\/\* up front/),
        expect.stringMatching(/a.js.map: source maps/),
        expect.stringMatching(/remote.html loads a remote script/),
      ]),
    );
  });

  it('wants the toolbar button’s tooltip and icon', () => {
    expect(storePackageProblems(archive({ action: { default_popup: 'popup.html' } }), limits)).toEqual(['action.default_title is missing', 'action.default_icon is missing']);
    expect(storePackageProblems(archive({ action: { ...manifest.action, default_icon: { 16: 'icon/none.png' } } }), limits)).toEqual(['action.default_icon refers to icon/none.png, which is not in the archive']);
  });

  it('refuses a missing referenced file, a remote CSP and an oversized package', () => {
    const files = archive({ content_security_policy: { extension_pages: "script-src 'self' https://cdn.example" } }, [['big.bin', new Uint8Array(2e6)]]);
    files.delete('background.js');
    const problems = storePackageProblems(files, limits);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/background.js, which is not in the archive/), expect.stringMatching(/allows remote sources/), expect.stringMatching(/over its 1.0 MB budget/)]),
    );
  });

  it('holds a Firefox package to AMO’s rules: a gecko ID and minimum version, its background scripts, no offscreen permission', () => {
    const firefox = { ...limits, browser: 'firefox' as const };
    const gecko = { browser_specific_settings: { gecko: { id: 'faceready@faceready.org', strict_min_version: '128.0' } }, minimum_chrome_version: undefined, background: { scripts: ['background.js'] } };
    expect(storePackageProblems(archive(gecko), firefox)).toEqual([]);
    expect(storePackageProblems(archive({ ...gecko, browser_specific_settings: undefined, background: { scripts: ['missing.js'] }, permissions: ['offscreen'] }), firefox)).toEqual([
      'browser_specific_settings.gecko.id is missing',
      'browser_specific_settings.gecko.strict_min_version is missing',
      'the Firefox package asks for "offscreen", which Firefox does not have',
      'background.scripts refers to missing.js, which is not in the archive',
    ]);
    // The Chrome Web Store still wants its minimum version.
    expect(storePackageProblems(archive(gecko), limits)).toEqual(['minimum_chrome_version is missing']);
  });
});
