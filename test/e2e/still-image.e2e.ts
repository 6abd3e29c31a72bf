/**
 * The still-image check page: opened by the context-menu handler (for an image on the demo portrait
 * page: fetched, drawn in the page, or refused by a foreign origin), and fed by the file
 * picker, a drop and a paste. Each bad input must end in its own message, never in a wait.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/demo-server';
import { SKIMAGE_DATA } from '../fixtures/fixtures';
import { MEASURE_IDS } from '../../src/protocol/quality-measures';
import { CHECK_PAGE_PATH, checkPageSearch, IMAGE_CHECK_MENU_ID } from '../../src/still-image/check-page-url';
import { checkFile, openCheckPage, waitForCheckStatus } from './check-page';
import { extensionWorker, launch, waitForDownloads, type Session } from './harness';

const ASTRONAUT = `${SKIMAGE_DATA}/astronaut.png`;
const COFFEE = `${SKIMAGE_DATA}/coffee.png`;

type ChromeApi = {
  contextMenus: { onClicked: { dispatch(info: object, tab?: object): void }; update(id: string, changes: object): Promise<void> };
  tabs: { get(id: number): Promise<object>; query(q: object): Promise<{ id?: number; url?: string }[]> };
};

/**
 * Clicks "Check face quality" on an image: Chrome's native menu cannot be clicked from puppeteer, so
 * the click event is dispatched to the background's real handler, which must open the check page
 * for that image next to its tab.
 */
async function clickMenu(session: Session, image: { src: string; tabId?: number; frameId?: number }): Promise<Page> {
  const { worker, origin } = await extensionWorker(session);
  await worker.evaluate(
    async (menuId, src, tabId, frameId) => {
      const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      await chrome.contextMenus.update(menuId, {}); // rejects if the entry was never created
      const tab = tabId === null ? undefined : await chrome.tabs.get(tabId);
      chrome.contextMenus.onClicked.dispatch({ menuItemId: menuId, srcUrl: src, frameId: frameId ?? undefined, mediaType: 'image', editable: false, pageUrl: '' }, tab);
    },
    IMAGE_CHECK_MENU_ID,
    image.src,
    image.tabId ?? null,
    image.frameId ?? null,
  );
  const url = `${origin}${CHECK_PAGE_PATH}${checkPageSearch(image)}`;
  const target = await session.browser.waitForTarget((t) => t.url() === url, { timeout: 10_000 });
  return (await target.page())!;
}

async function tabIdOf(session: Session, page: Page): Promise<number> {
  const { worker } = await extensionWorker(session);
  const url = page.url();
  const id = await worker.evaluate(
    async (u) => (await (globalThis as unknown as { chrome: ChromeApi }).chrome.tabs.query({})).find((t) => t.url === u)?.id,
    url,
  );
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Hands a file to the page as a drop on the drop area or as a paste, through a real DataTransfer. */
async function transfer(page: Page, how: 'drop' | 'paste', bytes: Buffer, name: string, type: string): Promise<void> {
  await page.evaluate(
    (mode, base64, fileName, mime) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], fileName, { type: mime }));
      if (mode === 'drop') document.querySelector('.drop-area')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      else window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    how,
    bytes.toString('base64'),
    name,
    type,
  );
}

describe('the still-image check page', () => {
  let session: Session;
  let foreign: DemoServer;
  let dir: string;
  beforeAll(async () => {
    session = await launch({ video: 'astronaut' });
    // A second origin the extension holds no permission for, sending no CORS header.
    foreign = await startDemoServer(0, '127.0.0.2');
    dir = mkdtempSync(join(tmpdir(), 'faceready-still-'));
  });
  afterAll(async () => {
    await session?.close();
    await foreign?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('context menu on a page image: reads it, finds the face, lists the ID-photo checks and probabilities, and explains it', async () => {
    await session.setSettings({ limeSamples: 24, explainMethod: 'gradcam' });
    const portrait = await session.browser.newPage();
    await portrait.goto(`${session.demo.url}portrait.html`);
    const src = await portrait.$eval('#portrait', (img) => (img as HTMLImageElement).src);
    const page = await clickMenu(session, { src, tabId: await tabIdOf(session, portrait), frameId: 0 });
    const text = await waitForCheckStatus(page, /^Face found: /, 90_000);
    expect(text).toMatch(/^Face found: (good quality|blurred|glasses on|face covered|not a usable face|quality uncertain)( \([^)]+\))?\. (Ready|Not ready) for an ID photo/);
    const shown = await page.evaluate(() => ({
      checks: [...document.querySelectorAll('table.checks:not(.measures) th')].map((th) => th.textContent),
      measures: !!document.querySelector('table.measures, .measures-none'),
      probabilities: document.querySelectorAll('ul.probabilities meter').length,
      size: document.querySelector('.size')?.textContent,
    }));
    // Face size, centring and pose give way to the ICAO measures where those are computed.
    expect(shown.checks).toEqual(expect.arrayContaining(['Face', 'Image quality', 'No glasses', 'Light', 'One face only', 'Eyes']));
    expect(shown.measures).toBe(true);
    expect(shown.probabilities).toBe(5);
    expect(shown.size).toBe('Checked at 512×512 px (original 512×512 px).');

    // Explain reuses the overlay's explanation panel on the still.
    await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Explain')!.click());
    await page.waitForFunction(() => [...document.querySelectorAll('figcaption')].some((c) => c.textContent === 'Grad-CAM'), { timeout: 90_000 });
    expect(await page.$eval('section[aria-label="Explanation"] strong', (el) => el.textContent)).toMatch(/^(blur|eyeglasses|good|covered|wrong) \d+%$/);

    // Save exports the still as the capture does: the aligned crop, its JSON report and the open explanation.
    const downloads = mkdtempSync(join(dir, 'downloads-'));
    const cdp = await session.browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await page.$eval('section.save button', (button) => (button as HTMLButtonElement).click());
    const files = await waitForDownloads(downloads, 3);
    const stem = files.find((f) => f.endsWith('.json'))!.replace(/\.json$/, '');
    expect(stem).toMatch(/^faceready-id-photo-\d{4}-/);
    expect(files).toEqual([`${stem}-explanation.png`, `${stem}.json`, `${stem}.png`]);
    const report = JSON.parse(readFileSync(join(downloads, files.find((f) => f.endsWith('.json'))!), 'utf8'));
    expect(report).toMatchObject({ profile: 'id-photo', source: 'still-image', frame: { width: 512, height: 512 }, image: { width: 512, height: 512 } });
    // The box checks (a measure that refines one replaces it once measures are computed), then the banded measures.
    expect(report.checks.map((c: { id: string }) => c.id).filter((id: string) => !(MEASURE_IDS as readonly string[]).includes(id))).toEqual(
      expect.arrayContaining(['face', 'quality', 'glasses', 'light', 'one-face', 'eyes']),
    );
    expect(report).toHaveProperty('verdict.label');
    await page.close();
    await portrait.close();
  });

  it('context menu on a blob: image only the page can read: draws it in the page', async () => {
    const portrait = await session.browser.newPage();
    await portrait.goto(`${session.demo.url}portrait.html`);
    await portrait.waitForSelector('#blob-portrait');
    await portrait.waitForFunction(() => (document.getElementById('blob-portrait') as HTMLImageElement).complete);
    const src = await portrait.$eval('#blob-portrait', (img) => (img as HTMLImageElement).src);
    expect(src).toMatch(/^blob:/);
    const page = await clickMenu(session, { src, tabId: await tabIdOf(session, portrait), frameId: 0 });
    await waitForCheckStatus(page, /^Face found: /);
    await page.close();
    await portrait.close();
  });

  it('context menu on a foreign image that sends no CORS header: says it cannot be read', async () => {
    const portrait = await session.browser.newPage();
    const src = `${foreign.url}images/astronaut.png`;
    await portrait.goto(`${session.demo.url}portrait.html?foreign=${encodeURIComponent(src)}`);
    await portrait.waitForFunction(() => (document.getElementById('foreign') as HTMLImageElement | null)?.complete === true);
    const page = await clickMenu(session, { src, tabId: await tabIdOf(session, portrait), frameId: 0 });
    expect(await waitForCheckStatus(page, /site does not allow/)).toBe('This site does not allow its image to be read. Save the image and drop the file here.');
    await page.close();
    await portrait.close();
  });

  it('a missing page image: names the HTTP status', async () => {
    const page = await clickMenu(session, { src: `${session.demo.url}images/missing.png` });
    expect(await waitForCheckStatus(page, /could not be downloaded/)).toBe('The image could not be downloaded (HTTP 404). Save it and drop the file here.');
    await page.close();
  });

  it('the popup links to the check page', async () => {
    const { origin } = await extensionWorker(session);
    const popup = await session.browser.newPage();
    await popup.goto(`${origin}/popup.html`);
    const link = await popup.waitForFunction(() => [...document.querySelectorAll('a')].find((a) => a.textContent === 'Check a photo…')?.href ?? null, { timeout: 10_000 });
    expect(await link.jsonValue()).toBe(`${origin}${CHECK_PAGE_PATH}`);
    await popup.close();
  });

  it('file picker: a large photo is downscaled to the engine limit and checked', async () => {
    const path = join(dir, 'large.jpg');
    await sharp(ASTRONAUT).resize(3000, 2000, { fit: 'contain', background: '#808080' }).jpeg({ quality: 90 }).toFile(path);
    const page = await openCheckPage(session);
    await (await page.$('input[type="file"]'))!.uploadFile(path);
    await waitForCheckStatus(page, /^Face found: /);
    expect(await page.$eval('.size', (el) => el.textContent)).toBe('Checked at 1024×683 px (original 3000×2000 px).');
    await page.close();
  });

  it('drop and paste: a dropped portrait has a face, a pasted cup of coffee has none', async () => {
    const page = await openCheckPage(session);
    await transfer(page, 'drop', await sharp(ASTRONAUT).png().toBuffer(), 'astronaut.png', 'image/png');
    await waitForCheckStatus(page, /^Face found: /);
    await transfer(page, 'paste', await sharp(COFFEE).jpeg().toBuffer(), 'image.jpg', 'image/jpeg');
    expect(await waitForCheckStatus(page, /^No face found/)).toMatch(/^No face found: .*\. Not usable as an ID photo\.$/);
    await page.close();
  });

  describe('bad input gets its own message', () => {
    const cases: [string, () => Promise<Buffer>, RegExp][] = [
      ['a PDF', async () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'), /^This is a PDF, not an image\./],
      ['a text file', async () => Buffer.from('Name: Ada Lovelace\nBorn: 1815\n'), /^This is a text file, not an image\.$/],
      ['an empty file', async () => Buffer.alloc(0), /^This file is empty\.$/],
      ['a tiny image', () => sharp(ASTRONAUT).resize(48, 48).png().toBuffer(), /^This image is too small \(48×48 px\): a face check needs at least 64 px/],
      [
        'a decompression bomb (header claims 20000×20000)',
        async () => {
          const png = await sharp(ASTRONAUT).resize(100, 100).png().toBuffer();
          png.writeUInt32BE(20_000, 16);
          png.writeUInt32BE(20_000, 20);
          return png;
        },
        /^This image is too large \(20000×20000 px, 400\.0 megapixels; the limit is 50\.0 megapixels\)\.$/,
      ],
      ['a file over the size limit', async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(41 * 1024 * 1024)]), /^This file is too large \(41\.0 MB; the limit is 40\.0 MB\)\.$/],
      [
        'a truncated JPEG',
        async () => {
          const jpeg = await sharp(ASTRONAUT).jpeg().toBuffer();
          return jpeg.subarray(0, Math.floor(jpeg.length / 2));
        },
        /^This image is damaged: the file ends before the picture does/,
      ],
      [
        'a PNG its header makes undecodable (bit depth 7)',
        async () => {
          const png = await sharp(ASTRONAUT).png().toBuffer();
          png[24] = 7; // IHDR bit depth: no such depth exists
          return png;
        },
        /^This image is damaged: the browser cannot decode it\.$/,
      ],
    ];
    it.each(cases)('%s', async (name, make, pattern) => {
      const path = join(dir, name.replace(/\W+/g, '-'));
      writeFileSync(path, await make());
      await checkFile(session, path, pattern, 20_000);
    });
  });
});
