/**
 * End-to-end set-up for Firefox: Debian's firefox-esr driven by puppeteer over WebDriver BiDi, the
 * Firefox test build installed as a temporary add-on, and the demo server.
 *
 * Firefox cannot play a .y4m file as a fake camera, so the test pictures reach FaceReady another honest
 * way: the demo page's `?camera=fixture:NAME` plays the picture through a canvas stream, and its loopback
 * consult (`?loopback`) sends that over WebRTC, so FaceReady analyses it as the remote participant's video.
 *
 * Every HTTP(S) request Firefox makes, from any context (pages, the extension's background page,
 * Firefox itself), goes through a small logging proxy, which forwards only the demo server's.
 *
 * Firefox's WebDriver BiDi leaves extension pages out (Bug 1755014): it refuses to navigate to a
 * moz-extension: URL and does not report a tab that opens on one (the popup's "Check a photo…" link
 * opens the check page in such a tab). A tab the background opens with tabs.create starts on
 * about:blank and stays reachable, so the check page is reached through the overlay's Help button,
 * whose help tab is then sent to the check page by the extension's own tabs.update.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemoServer, type DemoServer } from '../../../scripts/demo-server';
import { CHECK_PAGE_PATH } from '../../../src/still-image/check-page-url';
import { CHECK_PAGE_PROMPT, waitForCheckStatus } from '../check-page';
import { clickOverlayButton, overlayStatus } from '../harness';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = fileURLToPath(new URL(`../../../${process.env.FACEREADY_OUT_DIR ?? '.output'}/firefox-mv3-test/`, import.meta.url));

export interface FirefoxSession {
  browser: Browser;
  demo: DemoServer;
  /** Every URL Firefox asked the network for (through the proxy), in order. */
  requests: string[];
  /** Firefox's download folder (the overlay's and check page's Save land here). */
  downloads: string;
  /** Opens the demo page's loopback consult with this test picture as the camera, once FaceReady's overlay is on it. */
  openDemo(fixture: 'astronaut' | 'coffee'): Promise<Page>;
  /** Opens the still-image check page (`search`: its query, as the context menu gives it) in the tab the overlay's Help opened. */
  openCheckPage(overlayPage: Page, search?: string): Promise<Page>;
  close(): Promise<void>;
}

interface LoggingProxy {
  port: number;
  requests: string[];
  close(): Promise<void>;
}

/** An HTTP proxy that records every request and forwards only those to `allowedOrigin`; HTTPS tunnels are refused. */
function startLoggingProxy(allowedOrigin: () => string): Promise<LoggingProxy> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '';
    requests.push(url);
    if (!url.startsWith(allowedOrigin())) return void response.writeHead(502).end();
    const upstream = httpRequest(url, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.on('connect', (request, socket) => {
    requests.push(`https://${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ port, requests, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

export async function launchFirefox(): Promise<FirefoxSession> {
  for (const [what, path] of [['Firefox test build', `${FIREFOX_EXTENSION_DIR}/manifest.json`], ['Firefox', FIREFOX]]) {
    if (!existsSync(path)) throw new Error(`the ${what} is missing at ${path} (\`npm run build:test:firefox\` builds it, .ci/run installs firefox-esr)`);
  }
  const demo = await startDemoServer();
  const demoOrigin = new URL(demo.url).origin;
  const proxy = await startLoggingProxy(() => demoOrigin);
  const downloads = mkdtempSync(join(tmpdir(), 'faceready-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // A temporary add-on needs no signature; the pref also lets ESR accept it as unsigned.
      'xpinstall.signatures.required': false,
      // Everything to the logging proxy, local addresses included.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
      // Downloads go to this folder without asking.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);

  return {
    browser,
    demo,
    requests: proxy.requests,
    downloads,
    async openDemo(fixture) {
      const query = `?camera=fixture:${fixture}&loopback`;
      const page = await browser.newPage();
      // The background registers the content scripts once installed; a page opened before that has no FaceReady.
      for (let attempt = 0; ; attempt++) {
        await page.goto(`${demo.url}${query}`);
        const deadline = Date.now() + 5_000;
        while (Date.now() < deadline && (await overlayStatus(page)) === null) await new Promise((r) => setTimeout(r, 200));
        if ((await overlayStatus(page)) !== null) return page;
        if (attempt === 5) throw new Error('FaceReady never appeared on the demo page');
      }
    },
    async openCheckPage(overlayPage, search = '') {
      const known = new Set(await browser.pages());
      await clickOverlayButton(overlayPage, 'Help');
      const help = await waitForPage(browser, known, /\/docs\.html\?page=help$/);
      // The extension's own API, from its own page: BiDi may not navigate there itself.
      await help.evaluate(async (url) => {
        const tabs = (globalThis as unknown as { browser: { tabs: { getCurrent(): Promise<{ id: number }>; update(id: number, change: { url: string }): Promise<unknown> } } }).browser.tabs;
        await tabs.update((await tabs.getCurrent()).id, { url });
      }, `${CHECK_PAGE_PATH}${search}`);
      // Opened for an image, the page is already checking it; opened empty, it invites a file.
      if (!search) await waitForCheckStatus(help, CHECK_PAGE_PROMPT, 10_000);
      return help;
    },
    async close() {
      await browser.close();
      await proxy.close();
      await demo.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** A page that was not among `known` and whose address matches `url` (BiDi reports an extension tab's address as about:blank: asked in the page). */
async function waitForPage(browser: Browser, known: Set<Page>, url: RegExp, timeoutMs = 10_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (!known.has(page) && url.test(await page.evaluate(() => location.href).catch(() => ''))) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no new tab showed ${url} within ${timeoutMs} ms`);
}
