/**
 * FaceReady in Firefox (firefox-esr, WebDriver BiDi, the Firefox test build as a temporary add-on):
 * the live verdicts on the demo page with the test pictures as the remote participant's video,
 * Explain and Save in the overlay, the still-image check page, and no request anywhere but the demo
 * page. One browser for the file: the engine loads once, in the background page; the network test
 * comes last, so it covers every request the others caused.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIMAGE_DATA } from '../../../scripts/lib/skimage-data';
import { checkPageSearch } from '../../../src/still-image/check-page-url';
import { waitForCheckStatus } from '../check-page';
import { clickOverlayButton, inOverlay, waitForDownloads, waitForStatus, waitInOverlay } from '../harness';
import { launchFirefox, type FirefoxSession } from './harness';

const FIREFOX_REMOTE_SETTINGS = 'https://firefox.settings.services.mozilla.com:443';

/** Standard deviation of a PNG's red channel: a drawn picture varies, a blank or failed canvas does not. */
function pngSpread(bytes: Buffer): { width: number; height: number; spread: number } {
  const image = PNG.sync.read(bytes);
  const red = Array.from({ length: image.width * image.height }, (_, i) => image.data[4 * i]);
  const mean = red.reduce((a, b) => a + b, 0) / red.length;
  return { width: image.width, height: image.height, spread: Math.sqrt(red.reduce((a, b) => a + (b - mean) ** 2, 0) / red.length) };
}

describe('Firefox (firefox-esr, WebDriver BiDi)', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => session?.close());

  /** Empties the download folder, so a test counts only its own files (even after another failed). */
  const clearDownloads = () => readdirSync(session.downloads).forEach((file) => rmSync(join(session.downloads, file)));

  describe('Firefox: demo consult page with the astronaut as the remote participant', () => {
    it('reports a face', async () => {
      const page = await session.openDemo('astronaut');
      // The first verdict waits for the engine to load its models in the background page.
      expect(await waitForStatus(page, /face found/i, 90_000)).toMatch(/^Face found/);
      await page.close();
    });
  });

  describe('Firefox: demo consult page with the coffee cup as the remote participant', () => {
    it('reports that no face is found', async () => {
      const coffee = await session.openDemo('coffee');
      await waitForStatus(coffee, /no face found/i, 60_000);
      await coffee.close();
    });
  });

  describe('Firefox: Explain in the overlay', () => {
    it('shows Grad-CAM, then the combined view with fast LIME, drawn in the panel, and resumes on close', async () => {
      const page = await session.openDemo('astronaut');
      await waitForStatus(page, /face found/i, 60_000);
      await clickOverlayButton(page, 'Explain');
      await waitInOverlay(
        page,
        (p) => inOverlay(p, (root) => [...root.querySelectorAll('figure figcaption')].some((c) => c.textContent === 'Grad-CAM + LIME') && !root.querySelector('progress')),
        90_000,
        'the combined explanation',
      );
      const panel = await inOverlay(page, (root) => {
        const section = root.querySelector('section[aria-label="Explanation"]')!;
        // Each picture's pixels, read back from its canvas (the page may read them: nothing cross-origin was drawn).
        const canvases = [...section.querySelectorAll('canvas')].map((c) => (c as HTMLCanvasElement).toDataURL('image/png'));
        return { canvases, predicted: section.querySelector('strong')?.textContent ?? '', time: root.querySelector('.explain-time')?.textContent ?? '' };
      });
      expect(panel.canvases).toHaveLength(4); // frame, Grad-CAM, combined, legend
      // A canvas that failed to draw stays transparent black: every picture must show something.
      for (const url of panel.canvases) expect(pngSpread(Buffer.from(url.split(',')[1], 'base64')).spread).toBeGreaterThan(10);
      expect(panel.predicted).toMatch(/^(blur|eyeglasses|good|covered|wrong) \d+%$/);
      expect(panel.time).toMatch(/^Computed in [\d.]+ s on this machine \(fast LIME\)\.$/);
      await clickOverlayButton(page, 'Close and resume');
      await waitForStatus(page, /face found/i, 20_000);
      await page.close();
    });
  });

  describe('Firefox: Save in the overlay', () => {
    it('captures the current frame and downloads a 512×512 aligned PNG with its JSON report', async () => {
      const page = await session.openDemo('astronaut');
      await waitForStatus(page, /face found/i, 60_000);
      clearDownloads();
      await clickOverlayButton(page, 'Capture');
      await waitInOverlay(page, (p) => inOverlay(p, (root) => !!root.querySelector('section.capture canvas[role="img"]')), 10_000, 'the captured frame');
      await inOverlay(page, (root) => {
        const figure = [...root.querySelectorAll('section.capture figure')].find((f) => f.querySelector('figcaption')?.textContent?.startsWith('Captured frame'));
        (figure!.querySelector('button') as HTMLButtonElement).click();
      });
      const files = await waitForDownloads(session.downloads, 2);
      const png = files.find((f) => f.endsWith('.png'))!;
      const json = files.find((f) => f.endsWith('.json'))!;
      expect(png).toMatch(/^faceready-(uv|consult|id-photo)-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.png$/);
      expect(json).toBe(png.replace(/\.png$/, '.json'));
      const image = pngSpread(readFileSync(join(session.downloads, png)));
      expect(image).toMatchObject({ width: 512, height: 512 });
      expect(image.spread).toBeGreaterThan(20);
      const report = JSON.parse(readFileSync(join(session.downloads, json), 'utf8'));
      expect(report).toMatchObject({ format: 'faceready-capture-report', source: 'manual', explanation: null, face: { count: 1 } });
      // The demo's 640×480 picture as the remote video: WebRTC may send it smaller while its bandwidth estimate grows.
      expect(report.frame.width).toBeLessThanOrEqual(640);
      expect(report.frame.width / report.frame.height).toBeCloseTo(4 / 3, 1);
      expect(report.image).toMatchObject({ fileName: png, format: 'png', width: 512, height: 512 });
      expect(await inOverlay(page, (root) => root.querySelector('.capture-saved')?.textContent ?? '')).toContain(png);
      await page.close();
    });
  });

  describe('Firefox: the still-image check page', () => {
    let overlayPage: Page;
    beforeAll(async () => {
      overlayPage = await session.openDemo('astronaut');
    });
    afterAll(async () => overlayPage?.close());

    it('checks a page image from the address the context menu opens, explains it and saves it with its report and explanation', async () => {
      const page = await session.openCheckPage(overlayPage, checkPageSearch({ src: `${session.demo.url}images/astronaut.png` }));
      const text = await waitForCheckStatus(page, /^Face found: /, 90_000);
      expect(text).toMatch(/(Ready|Not ready) for an ID photo/);
      expect(await page.$$eval('ul.probabilities meter', (meters) => meters.length)).toBe(5);
      expect(await page.$eval('.size', (el) => el.textContent)).toBe('Checked at 512×512 px (original 512×512 px).');

      await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Explain')!.click());
      await page.waitForFunction(() => [...document.querySelectorAll('figcaption')].some((c) => c.textContent === 'Grad-CAM') && !document.querySelector('section[aria-label="Explanation"] progress'), { timeout: 90_000 });
      clearDownloads();
      await page.$eval('section.save button', (button) => (button as HTMLButtonElement).click());
      const files = await waitForDownloads(session.downloads, 3);
      const stem = files.find((f) => f.endsWith('.json'))!.replace(/\.json$/, '');
      expect(stem).toMatch(/^faceready-id-photo-\d{4}-/);
      expect(files).toEqual([`${stem}-explanation.png`, `${stem}.json`, `${stem}.png`]);
      expect(pngSpread(readFileSync(join(session.downloads, `${stem}.png`))).spread).toBeGreaterThan(20);
      const report = JSON.parse(readFileSync(join(session.downloads, `${stem}.json`), 'utf8'));
      expect(report).toMatchObject({ profile: 'id-photo', source: 'still-image', frame: { width: 512, height: 512 }, image: { width: 512, height: 512 }, explanation: { fileName: `${stem}-explanation.png` } });
      await page.close();
    });

    it('checks a file from the file picker: the coffee cup has no face', async () => {
      const page = await session.openCheckPage(overlayPage);
      await (await page.$('input[type="file"]'))!.uploadFile(`${SKIMAGE_DATA}/coffee.png`);
      expect(await waitForCheckStatus(page, /^No face found: /, 60_000)).toMatch(/Not usable as an ID photo\.$/);
      await page.close();
    });
  });

  describe('Firefox: network', () => {
    it('sends no request anywhere but the local demo server', () => {
      const demoOrigin = new URL(session.demo.url).origin;
      expect(session.requests.some((url) => url.startsWith(demoOrigin))).toBe(true);
      // Firefox's own Remote Settings sync is the browser's (no file of the built extension names that host).
      expect(session.requests.filter((url) => !url.startsWith(demoOrigin) && url !== FIREFOX_REMOTE_SETTINGS)).toEqual([]);
    });
  });
});
