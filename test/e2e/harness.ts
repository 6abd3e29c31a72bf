/**
 * Shared set-up for end-to-end tests: Debian's Chromium with the built extension, a fake camera
 * playing a project fixture, the demo consult page, and helpers that read the overlay's live region.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page, Target, WebWorker } from 'puppeteer-core';
import { startDemoServer, type DemoServer } from '../../scripts/demo-server';
import { EXTENSION_DIR, launchWithExtension, type LaunchOptions } from '../../scripts/lib/chromium';
import { OVERLAY_HOST, overlayStatus, queryOverlay, shadowRootOf } from '../../scripts/lib/overlay-root';

export { EXTENSION_DIR, overlayStatus };

export interface Session {
  browser: Browser;
  /** Sets extension settings (chrome.storage.local) before pages read them. */
  setSettings(values: Record<string, unknown>): Promise<void>;
  /** Closes the offscreen document, as Chrome may; the extension must bring it back. */
  closeEngine(): Promise<void>;
  demo: DemoServer;
  /** Every URL any target of the browser requested (pages, offscreen document, service worker). */
  requests: string[];
  close(): Promise<void>;
}

export async function launch(options: LaunchOptions): Promise<Session> {
  const { browser, worker } = await launchWithExtension(options);
  const demo = await startDemoServer();
  const requests: string[] = [];
  const watch = async (target: Target) => {
    const session = await target.createCDPSession().catch(() => null);
    if (!session) return;
    session.on('Network.requestWillBeSent', (event) => requests.push(event.request.url));
    await session.send('Network.enable').catch(() => undefined);
  };
  browser.on('targetcreated', watch);
  await Promise.all(browser.targets().map(watch));
  return {
    browser,
    setSettings: (values) =>
      worker.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome.storage.local.set(v), values),
    closeEngine: () => worker.evaluate(() => (globalThis as unknown as { chrome: { offscreen: { closeDocument(): Promise<void> } } }).chrome.offscreen.closeDocument()),
    demo,
    requests,
    async close() {
      await browser.close();
      await demo.close();
    },
  };
}

/** The extension's service worker and its origin (chrome-extension://<id>). */
export async function extensionWorker(session: Session): Promise<{ worker: WebWorker; origin: string }> {
  const target = await session.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  return { worker: (await target.worker())!, origin: `chrome-extension://${new URL(target.url()).host}` };
}

export async function openDemo(session: Session, query = '?autostart'): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(`${session.demo.url}${query}`);
  return page;
}


/** Polls `read` until its text matches; fails naming `what` and the last text seen. */
export async function waitForText(read: () => Promise<string | null>, pattern: RegExp, timeoutMs: number, what: string): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await read();
    if (last !== null && pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} never matched ${pattern} within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
}

/** Waits until the overlay's live region matches; fails with the last text seen. */
export const waitForStatus = (page: Page, pattern: RegExp, timeoutMs = 20_000): Promise<string> =>
  waitForText(() => overlayStatus(page), pattern, timeoutMs, 'overlay status');

/** Waits until `count` finished downloads (no partial files: Chromium's .crdownload, Firefox's .part and empty placeholder) are in `dir`; returns their names, sorted. */
export async function waitForDownloads(dir: string, count: number, timeoutMs = 20_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let names: string[] = [];
  while (Date.now() < deadline) {
    names = readdirSync(dir).sort();
    // A file renamed away between the listing and its size counts as partial: the next poll sees the result.
    const partial = names.some((n) => n.endsWith('.crdownload') || n.endsWith('.part') || (statSync(join(dir, n), { throwIfNoEntry: false })?.size ?? 0) === 0);
    if (names.length >= count && !partial) return names;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`expected ${count} downloads in ${dir} within ${timeoutMs} ms; found ${JSON.stringify(names)}`);
}

/** A copy of the built extension without the face mesh weights, for the "model file missing" paths. */
export function brokenBuild(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'faceready-broken-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  rmSync(join(dir, 'models/vendor/human/facemesh.bin'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs a query inside the overlay's (closed) shadow root, reached through the browser's protocol (scripts/lib/overlay-root.ts); `arg` is passed to it (closures do not cross into the page). */
export async function inOverlay<T, A = undefined>(target: Page | Frame, query: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T> {
  const result = await queryOverlay(target, query, arg);
  if (!result) throw new Error('no FaceReady overlay on this page');
  return result.value;
}

/**
 * Hangs the overlay's closed shadow root on its host as `shadowRoot`, for a tool that runs in the page's world
 * and walks open shadow roots only (axe-core). Only for pages that play no hostile part: it hands the page the root.
 */
export async function exposeOverlayRoot(page: Page): Promise<void> {
  const host = await page.$(OVERLAY_HOST);
  if (!host) throw new Error('no FaceReady overlay on this page');
  const root = await shadowRootOf(host);
  if (!root) throw new Error('the FaceReady overlay has no shadow root');
  await host.evaluate((h, r) => Object.defineProperty(h, 'shadowRoot', { value: r, configurable: true }), root);
  await root.dispose();
  await host.dispose();
}

/** Clicks the overlay button with this exact label. */
export function clickOverlayButton(page: Page, label: string): Promise<void> {
  return inOverlay(page, (root, text) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!.click(), label);
}

/** Whether the overlay shows a button with this exact label. */
export function hasOverlayButton(page: Page, label: string): Promise<boolean> {
  return inOverlay(page, (root, text) => [...root.querySelectorAll('button')].some((b) => b.textContent === text), label);
}

/** Polls a query inside the overlay's shadow root until it returns something truthy. */
export async function waitInOverlay<T>(page: Page, query: (page: Page) => Promise<T>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await query(page).catch(() => null);
    if (value) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  const shown = await inOverlay(page, (root) => (root.querySelector('section') as HTMLElement | null)?.innerText ?? '(no overlay)').catch(() => '(no overlay)');
  throw new Error(`overlay never showed ${what} within ${timeoutMs} ms; it shows: ${JSON.stringify(shown)}`);
}
