/**
 * Serves the demo consult page (demo/) on localhost. `npm run demo` for development; the e2e
 * tests start it on a free port. Static files only, no directory listing, nothing outside demo/
 * but the skimage test pictures (/images/…, for the portrait page).
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SKIMAGE_DATA } from './lib/skimage-data';

const DEMO_DIR = resolve(fileURLToPath(new URL('../demo', import.meta.url)));
/** Pictures for demo/portrait.html, from Debian's python3-skimage (see test/fixtures/fixtures.ts for their provenance). */
const IMAGES = new Map([
  ['/images/astronaut.png', `${SKIMAGE_DATA}/astronaut.png`],
  ['/images/coffee.png', `${SKIMAGE_DATA}/coffee.png`],
]);
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.jpg': 'image/jpeg' };

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

export function startDemoServer(port = 0, host = '127.0.0.1'): Promise<DemoServer> {
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const image = IMAGES.get(path);
    const file = image ?? normalize(join(DEMO_DIR, path === '/' ? 'index.html' : path));
    if (!image && !file.startsWith(DEMO_DIR)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({ url: `http://${host}:${actualPort}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 5174);
  const { url } = await startDemoServer(port, 'localhost');
  console.log(`Demo consult page: ${url}?autostart`);
}
