/**
 * `npm run dev`: serves the demo consult page and runs WXT's dev mode, which opens Debian's
 * Chromium with the extension loaded (hot reload) on the demo page.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startDemoServer } from './demo-server';
import { DEMO_PORT } from '../wxt.config';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`FaceReady dev: no Chromium at ${chromium}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}
const demo = await startDemoServer(DEMO_PORT, 'localhost');
console.log(`FaceReady dev: demo consult page at ${demo.url}?autostart`);
const wxt = spawn('npx', ['wxt', ...process.argv.slice(2)], { stdio: 'inherit' });
wxt.on('exit', async (code) => {
  await demo.close();
  process.exit(code ?? 0);
});
