import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  srcDir: '.',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'FaceReady',
    description: 'Checks on your own machine whether a face in a video call or photo is good enough, and shows why.',
    permissions: ['offscreen', 'scripting', 'storage', 'activeTab'],
    // Sites are enabled one by one from the popup; localhost (the demo) comes from the runtime-registered scripts' matches.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // WASM (the TF.js fallback backend) needs 'wasm-unsafe-eval'; nothing else is relaxed.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
  },
});
