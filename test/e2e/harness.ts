/**
 * Shared set-up for end-to-end tests: Debian's Chromium with the built extension, a fake camera
 * playing a project fixture, the demo consult page, and helpers that read the overlay's live region.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { startDemoServer, type DemoServer } from '../../scripts/demo-server';
import { GENERATED_DIR } from '../fixtures/fixtures';

export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3/', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  browser: Browser;
  demo: DemoServer;
  /** Every URL any target of the browser requested (pages, offscreen document, service worker). */
  requests: string[];
  close(): Promise<void>;
}

export async function launch(options: { video: string; extensionDir?: string }): Promise<Session> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const video = fileURLToPath(new URL(`${options.video}.y4m`, GENERATED_DIR));
  for (const [what, path] of [['built extension', `${extensionDir}/manifest.json`], ['fake-camera video', video], ['Chromium', CHROMIUM]]) {
    if (!existsSync(path)) throw new Error(`e2e: the ${what} is missing at ${path} (run \`npm test\`, which builds and makes fixtures first)`);
  }
  const demo = await startDemoServer();
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    enableExtensions: [extensionDir],
    pipe: true,
    args: [
      '--no-sandbox',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const requests: string[] = [];
  const watch = async (target: Target) => {
    const session = await target.createCDPSession().catch(() => null);
    if (!session) return;
    session.on('Network.requestWillBeSent', (event) => requests.push(event.request.url));
    await session.send('Network.enable').catch(() => undefined);
  };
  browser.on('targetcreated', watch);
  await Promise.all(browser.targets().map(watch));
  await waitForContentScripts(browser);
  return {
    browser,
    demo,
    requests,
    async close() {
      await browser.close();
      await demo.close();
    },
  };
}

/** The background registers the content scripts when installed; pages opened before that would see no FaceReady. */
async function waitForContentScripts(browser: Browser): Promise<void> {
  const worker = await (await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'))).worker();
  if (!worker) throw new Error('e2e: the extension service worker did not start');
  for (let i = 0; i < 100; i++) {
    // Runs in the service worker, where `chrome` exists.
    const count = await worker.evaluate(async () => (await (globalThis as unknown as { chrome: typeof Browser }).chrome.scripting.getRegisteredContentScripts()).length);
    if (count >= 2) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('e2e: the content scripts were never registered');
}

export async function openDemo(session: Session, query = '?autostart'): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(`${session.demo.url}${query}`);
  return page;
}

/** The text of the overlay's role="status" live region, or null if the overlay is not there. */
export function overlayStatus(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('faceready-overlay')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? null);
}

/** Waits until the live region's text matches; fails with the last text seen. */
export async function waitForStatus(page: Page, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await overlayStatus(page);
    if (last !== null && pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`overlay status never matched ${pattern} within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
}
