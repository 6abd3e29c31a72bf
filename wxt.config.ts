import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export const DEMO_PORT = 5174;

export default defineConfig({
  srcDir: '.',
  // Separate builds (e.g. several end-to-end runs side by side) set FACEREADY_OUT_DIR; tests read the same variable.
  outDir: process.env.FACEREADY_OUT_DIR ?? '.output',
  vite: () => ({ plugins: [preact()] }),
  // `npm run dev`: Debian's Chromium with the extension loaded, the fake-free real camera, and the demo page open.
  webExt: {
    binaries: { chrome: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    chromiumArgs: ['--disable-background-networking', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    startUrls: [`http://localhost:${DEMO_PORT}/?autostart`],
  },
  manifest: {
    // public/_locales/{en,de}/messages.json; the interface itself follows the user's language setting (src/i18n).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['offscreen', 'scripting', 'storage', 'activeTab', 'contextMenus'],
    // Sites are enabled one by one from the popup; localhost (the demo) comes from the runtime-registered scripts' matches.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // WASM (the TF.js fallback backend) needs 'wasm-unsafe-eval'; nothing else is relaxed.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
  },
});
