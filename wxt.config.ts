import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  srcDir: '.',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'FaceReady',
    description: 'Checks on your own machine whether a face in a video call or photo is good enough, and shows why.',
    permissions: ['offscreen', 'scripting', 'storage'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    web_accessible_resources: [{ resources: ['camera-tap.js'], matches: ['<all_urls>'] }],
  },
});
