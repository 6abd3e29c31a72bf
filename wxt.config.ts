import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { TOGGLE_PANEL_COMMAND } from './src/protocol/messages';
import { wasmThreadFiles } from './scripts/lib/wasm-thread-files';

export const DEMO_PORT = 5174;

/** Host permissions that only development and test builds carry (src/extension/site-matches.ts). */
const LOCAL_HOST_PERMISSIONS = ['http://localhost/*', 'http://127.0.0.1/*'];

/** Firefox's extension ID (fixed, so that its storage, enterprise policies and tests can name it). */
export const FIREFOX_EXTENSION_ID = 'faceready@faceready.org';

/**
 * The Firefox build from the same manifest: no offscreen documents (the background page hosts the engine,
 * src/extension/background-page-engine.ts); Chrome-only keys dropped: Firefox has no cross-origin isolation keys for
 * extension pages (so WASM runs single-threaded there) and reads managed storage from enterprise policies
 * (policies.json `3rdparty`), without a schema file.
 */
function firefoxManifest(manifest: Record<string, any>): void {
  manifest.permissions = manifest.permissions?.filter((permission: string) => permission !== 'offscreen');
  for (const key of ['minimum_chrome_version', 'cross_origin_embedder_policy', 'cross_origin_opener_policy', 'storage']) delete manifest[key];
  manifest.browser_specific_settings = {
    // 128: content scripts registered at run time in the MAIN world and with matchOriginAsFallback (src/extension/content-scripts.ts).
    gecko: { id: FIREFOX_EXTENSION_ID, strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
  };
}

export default defineConfig({
  srcDir: '.',
  // MV3 for every browser (WXT would build MV2 for Firefox).
  manifestVersion: 3,
  // Separate builds (e.g. several end-to-end runs side by side) set FACEREADY_OUT_DIR; tests read the same variable.
  outDir: process.env.FACEREADY_OUT_DIR ?? '.output',
  vite: () => ({ plugins: [preact()] }),
  // The Firefox sources archive (AMO reviews bundled code from it): what git tracks, not the files `npm run assets` and
  // `npm run fixtures` regenerate.
  zip: { excludeSources: ['public/models/vendor/**', 'public/wasm/**', 'dev-assets/**', 'test/fixtures/generated/**'] },
  // `npm run dev`: Debian's Chromium with the extension loaded, the fake-free real camera, and the demo page open.
  webExt: {
    binaries: { chrome: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    chromiumArgs: ['--disable-background-networking', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    startUrls: [`http://localhost:${DEMO_PORT}/?autostart`],
  },
  hooks: {
    // The runtime-registered content scripts declare local pages for the demo and the tests; a production build runs on
    // no site until a user or an administrator enables it.
    'build:manifestGenerated'(wxt, manifest) {
      if (wxt.config.browser === 'firefox') firefoxManifest(manifest);
      if (wxt.config.mode !== 'production') return;
      manifest.host_permissions = manifest.host_permissions?.filter((pattern: string) => !LOCAL_HOST_PERMISSIONS.includes(pattern));
      if (manifest.host_permissions?.length === 0) delete manifest.host_permissions;
    },
    // tfjs starts threaded WASM's workers from blob: URLs, which the extension's CSP refuses; these
    // are the same scripts as extension files (src/engine/backend-wasm-threads.ts points tfjs at them).
    'build:publicAssets'(_wxt, files) {
      files.push(...wasmThreadFiles());
    },
  },
  manifest: {
    // public/_locales/{en,de}/messages.json; the interface itself follows the user's language setting (src/i18n).
    name: '__MSG_extName__',
    short_name: 'FaceReady',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The newest API used: scripting's matchOriginAsFallback for content scripts in about:blank / srcdoc frames (Chrome 119;
    // runtime.getContexts for the offscreen document needs 116).
    minimum_chrome_version: '119',
    // The popup's <title> would otherwise become the tooltip; the background sets a per-tab title and ON badge (src/extension/toolbar-badge.ts).
    action: { default_title: '__MSG_actionTitle__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' } },
    // Shows or hides the panel on the current tab; users can change the keys at chrome://extensions/shortcuts.
    commands: { [TOGGLE_PANEL_COMMAND]: { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_togglePanel__' } },
    // Settings an administrator can pre-set by enterprise policy (docs/admin.md); they win over the user's.
    storage: { managed_schema: 'managed_schema.json' },
    permissions: ['offscreen', 'scripting', 'storage', 'activeTab', 'contextMenus'],
    // Sites are enabled one by one from the popup; localhost (the demo) comes from the runtime-registered scripts' matches.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // WASM (the TF.js fallback backend) needs 'wasm-unsafe-eval'; nothing else is relaxed.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    // Cross-origin isolation gives the offscreen engine SharedArrayBuffer, hence threaded WASM.
    // 'credentialless' rather than 'require-corp': cross-origin images the check page loads without
    // CORP headers still load (without cookies); the extension's own pages load only its own files.
    cross_origin_embedder_policy: { value: 'credentialless' },
    cross_origin_opener_policy: { value: 'same-origin' },
  },
});
