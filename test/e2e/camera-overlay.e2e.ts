import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpus } from 'node:os';
import { wasmThreadCount } from '../../src/engine/backend-wasm-threads';
import { inOverlay, launch, openDemo, overlayStatus, waitForStatus, type Session } from './harness';

describe('demo consult page with a face on the camera', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ video: 'astronaut' });
  });
  afterAll(async () => session?.close());

  it('reports a face within 20 s, keeps the self-view playing, and says when the camera stops', async () => {
    const page = await openDemo(session);
    const found = await waitForStatus(page, /face found/i, 20_000);
    expect(found).toMatch(/^Face found/);

    const t0 = await page.$eval('#self-view', (v) => (v as HTMLVideoElement).currentTime);
    await new Promise((r) => setTimeout(r, 1500));
    const t1 = await page.$eval('#self-view', (v) => (v as HTMLVideoElement).currentTime);
    expect(t1).toBeGreaterThan(t0);

    await page.click('#stop');
    await waitForStatus(page, /camera stopped/i, 5_000);
  });

  it('names the backend and its threads: WASM with SIMD, one thread per two logical cores', async () => {
    const page = (await session.browser.pages()).at(-1)!;
    const badge = await inOverlay(page, (root) => root.querySelector('.badge')?.textContent ?? null);
    const threads = wasmThreadCount(cpus().length);
    expect(badge).toBe(`wasm · SIMD · ${threads === 1 ? '1 thread' : `${threads} threads`}`);
  });

  it('sends no request anywhere but the local demo server and the extension itself', () => {
    const demoOrigin = new URL(session.demo.url).origin;
    const external = session.requests.filter(
      (url) => !url.startsWith(demoOrigin) && !/^(chrome-extension|data|blob|chrome):/.test(url),
    );
    expect(session.requests.some((url) => url.startsWith('chrome-extension:'))).toBe(true);
    expect(external).toEqual([]);
  });

  it('resumes when the page opens the camera again', async () => {
    const page = (await session.browser.pages()).at(-1)!;
    expect(await overlayStatus(page)).toMatch(/camera stopped/i);
    await page.click('#start');
    await waitForStatus(page, /face found/i, 20_000);
  });

  it('comes back when the page removes the panel, hides it in a container of its own, or replaces its whole body', async () => {
    const page = (await session.browser.pages()).at(-1)!;
    await waitForStatus(page, /face found/i, 20_000);
    await page.evaluate(() => document.querySelector('faceready-overlay')!.remove());
    await waitForStatus(page, /face found/i, 5_000);
    const parentAfterMove = await page.evaluate(async () => {
      const hidden = document.body.appendChild(document.createElement('div'));
      hidden.style.display = 'none';
      hidden.append(document.querySelector('faceready-overlay')!);
      await new Promise((r) => setTimeout(r, 100));
      return document.querySelector('faceready-overlay')!.parentElement!.tagName;
    });
    expect(parentAfterMove).toBe('BODY');
    await page.evaluate(() => document.body.replaceWith(document.createElement('body')));
    await waitForStatus(page, /./, 5_000);
    expect(await page.evaluate(() => document.querySelectorAll('faceready-overlay').length)).toBe(1);
    await page.reload(); // the demo's own controls went with the old body
  });

  it('recreates the analysis engine when its offscreen document goes away', async () => {
    const page = (await session.browser.pages()).at(-1)!;
    await waitForStatus(page, /face found/i, 20_000);
    await session.closeEngine();
    await waitForStatus(page, /loading face models/i, 5_000);
    await waitForStatus(page, /face found/i, 30_000);
  });

  it('with several camera streams, keeps analysing while one is still live', async () => {
    const page = (await session.browser.pages()).at(-1)!;
    // A second stream, as a page with a preview and a call stream would hold; then it is stopped.
    await page.evaluate(async () => {
      const second = await navigator.mediaDevices.getUserMedia({ video: true });
      (window as unknown as { second: MediaStream }).second = second;
    });
    await waitForStatus(page, /face found/i, 20_000);
    await page.evaluate(() => (window as unknown as { second: MediaStream }).second.getTracks().forEach((t) => t.stop()));
    // Analysis falls back to the first stream (a fresh clone, so briefly "Analysing…"); it must never say the camera stopped.
    const seen: string[] = [];
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !/face found/i.test(seen.at(-1) ?? '')) {
      seen.push((await overlayStatus(page)) ?? '');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen.at(-1)).toMatch(/face found/i);
    expect(seen.filter((text) => /stopped/i.test(text))).toEqual([]);
    await page.click('#stop');
    await waitForStatus(page, /camera stopped/i, 5_000);
  });
});

describe('demo consult page with no face on the camera', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ video: 'coffee' });
  });
  afterAll(async () => session?.close());

  it('reports that no face is found', async () => {
    const page = await openDemo(session);
    await waitForStatus(page, /no face found/i, 30_000);
  });
});
