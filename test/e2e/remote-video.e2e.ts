import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOverlay, launch, openDemo, overlayStatus, waitForStatus, waitInOverlay, type Session } from './harness';

/** The options of the overlay's video picker: [value, text, disabled]. */
const pickerOptions = (page: Page) =>
  inOverlay(page, (root) => [...root.querySelectorAll<HTMLOptionElement>('.source-picker option')].filter((o) => o.value !== '').map((o) => [o.value, o.textContent, o.disabled] as const));

const pickedSource = (page: Page) => inOverlay(page, (root) => root.querySelector<HTMLSelectElement>('.source-picker select')?.value ?? null);

async function waitForOptions(page: Page, texts: string[], timeoutMs = 20_000) {
  const want = JSON.stringify(texts);
  const options = await waitInOverlay(page, async (p) => {
    const shown = await pickerOptions(p);
    return JSON.stringify(shown.map(([, text]) => text)) === want ? shown : null;
  }, timeoutMs, `the video picker listing ${want}`);
  return options!; // waitInOverlay throws rather than return nothing
}

/** Picks the option with this text in the overlay's video picker, as a user would. */
const pick = (page: Page, text: string) =>
  inOverlay(page, (root, label) => {
    const select = root.querySelector<HTMLSelectElement>('.source-picker select')!;
    select.value = [...select.options].find((o) => o.textContent === label)!.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, text);

/** What the page itself sees of its camera and remote tracks and of its RTCPeerConnection. */
const pageView = (page: Page) =>
  page.evaluate(() => {
    const demo = (window as unknown as { demo: { stream: MediaStream; consult: { remoteStream: MediaStream } } }).demo;
    const describeTrack = (t: MediaStreamTrack) => ({ id: t.id, enabled: t.enabled, readyState: t.readyState, muted: t.muted });
    const probe = new RTCPeerConnection();
    const identity = {
      instance: probe instanceof RTCPeerConnection,
      constructor: probe.constructor === RTCPeerConnection,
      prototype: Object.getPrototypeOf(probe) === RTCPeerConnection.prototype,
      statics: typeof RTCPeerConnection.generateCertificate === 'function',
    };
    probe.close();
    return {
      camera: demo.stream.getVideoTracks().map(describeTrack),
      remote: demo.consult.remoteStream.getVideoTracks().map(describeTrack),
      remoteTracksInStream: demo.consult.remoteStream.getTracks().length,
      identity,
    };
  });

const playbackAdvances = async (page: Page, selector: string) => {
  const t0 = await page.$eval(selector, (v) => (v as HTMLVideoElement).currentTime);
  await new Promise((r) => setTimeout(r, 1500));
  const t1 = await page.$eval(selector, (v) => (v as HTMLVideoElement).currentTime);
  return t1 > t0;
};

describe('loopback consult: the doctor checks the patient’s incoming video', () => {
  let session: Session;
  let page: Page;
  let before: Awaited<ReturnType<typeof pageView>>;
  beforeAll(async () => {
    session = await launch({ video: 'astronaut' });
  });
  afterAll(async () => session?.close());

  it('lists the camera and the remote participant, and analyses the camera by default', async () => {
    page = await openDemo(session, '?loopback');
    const options = await waitForOptions(page, ['Your camera', 'Remote participant 1']);
    expect(options.every(([, , disabled]) => !disabled)).toBe(true);
    // Generous: on a loaded 2-core machine the engine may still be starting.
    await waitForStatus(page, /^Face found/, 60_000);
    expect(await pickedSource(page)).toBe(options[0][0]);
    before = await pageView(page);
    expect(options[0][0]).toBe(`camera:${before.camera[0].id}`);
    expect(options[1][0]).toBe(`remote:${before.remote[0].id}`);
  });

  it('analyses the remote participant’s video when picked', async () => {
    await pick(page, 'Remote participant 1');
    expect(await pickedSource(page)).toBe(`remote:${before.remote[0].id}`);
    await waitForStatus(page, /^Face found/, 30_000);

    // The verdict follows the remote track, not the camera: the sending side swaps in a blank
    // picture, the camera still shows the face, and the overlay now finds none.
    await page.evaluate(() => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 240 });
      const context = canvas.getContext('2d')!;
      const paint = () => {
        context.fillStyle = '#7a8088';
        context.fillRect(0, 0, canvas.width, canvas.height);
      };
      paint();
      const w = window as unknown as { blankPainter: number; demo: { consult: { caller: RTCPeerConnection } } };
      w.blankPainter = window.setInterval(paint, 100);
      const blank = canvas.captureStream(15).getVideoTracks()[0];
      return w.demo.consult.caller.getSenders()[0].replaceTrack(blank);
    });
    await waitForStatus(page, /^No face found/, 30_000);
    await page.evaluate(() => {
      const w = window as unknown as { blankPainter: number; demo: { stream: MediaStream; consult: { caller: RTCPeerConnection } } };
      window.clearInterval(w.blankPainter);
      return w.demo.consult.caller.getSenders()[0].replaceTrack(w.demo.stream.getVideoTracks()[0]);
    });
    await waitForStatus(page, /^Face found/, 30_000);
  });

  it('leaves the page’s tracks, connections and videos as they were', async () => {
    const after = await pageView(page);
    expect(after).toEqual(before);
    expect(after.camera[0]).toMatchObject({ enabled: true, readyState: 'live' });
    expect(after.remote[0]).toMatchObject({ enabled: true, readyState: 'live' });
    expect(after.identity).toEqual({ instance: true, constructor: true, prototype: true, statics: true });
    expect(await playbackAdvances(page, '#remote-view')).toBe(true);
    expect(await playbackAdvances(page, '#self-view')).toBe(true);
  });

  it('says so when the remote video ends, and drops it from the list', async () => {
    // A DOM click: the overlay may cover the button where a pointer click would land.
    await page.$eval('#hang-up', (button) => (button as HTMLButtonElement).click());
    await waitForStatus(page, /^Video stopped/, 5_000);
    await waitForOptions(page, ['Your camera'], 5_000);
    const shown = await inOverlay(page, (root) => root.querySelector('.source-picker')?.textContent ?? '');
    expect(shown).toContain('Remote participant 1: the video ended');
    // The picked participant is not silently replaced by the doctor's own camera…
    await new Promise((r) => setTimeout(r, 1500));
    expect(await overlayStatus(page)).toMatch(/^Video stopped/);
    // …but the user can pick it.
    await pick(page, 'Your camera');
    await waitForStatus(page, /^Face found/, 30_000);
  });

  it('lists a participant who joins later with the next number', async () => {
    await page.evaluate(() => (window as unknown as { demo: { call(): Promise<void> } }).demo.call());
    await waitForOptions(page, ['Your camera', 'Remote participant 2']);
    // The user had picked the camera: a new participant does not take over.
    const view = await pageView(page);
    expect(await pickedSource(page)).toBe(`camera:${view.camera[0].id}`);
  });
});

describe('other videos on the page', () => {
  let session: Session;
  let page: Page;
  let otherSite: Server;
  beforeAll(async () => {
    session = await launch({ video: 'astronaut' });
  });
  afterAll(async () => {
    otherSite?.close();
    await session?.close();
  });

  /** Adds a muted, looping <video> playing `src` to the page. */
  const addVideo = (src: string, id: string) =>
    page.evaluate((source, name) => {
      const video = Object.assign(document.createElement('video'), { src: source, id: name, muted: true, loop: true, autoplay: true, playsInline: true });
      video.style.width = '160px';
      document.body.prepend(video);
      return video.play();
    }, src, id);

  it('lists a same-origin video as readable, and one from another site without CORS or with DRM keys as not readable', async () => {
    page = await openDemo(session);
    await waitForOptions(page, ['Your camera']);
    // A clip of the camera recorded by the page itself, served from the page's origin (a blob:) and from another one.
    const clip = await page.evaluate(async () => {
      const recorder = new MediaRecorder((window as unknown as { demo: { stream: MediaStream } }).demo.stream, { mimeType: 'video/webm;codecs=vp8' });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (e) => chunks.push(e.data);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      recorder.start();
      await new Promise((r) => setTimeout(r, 6000));
      recorder.stop();
      await stopped;
      const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
      (window as unknown as { clipUrl: string }).clipUrl = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    });
    const body = Buffer.from(clip, 'base64');
    otherSite = createServer((_, response) => response.writeHead(200, { 'content-type': 'video/webm', 'content-length': body.length }).end(body));
    await new Promise<void>((done) => otherSite.listen(0, 'localhost', done));
    const crossOrigin = `http://localhost:${(otherSite.address() as AddressInfo).port}/clip.webm`;
    expect(new URL(crossOrigin).origin).not.toBe(new URL(session.demo.url).origin);

    await addVideo(await page.evaluate(() => (window as unknown as { clipUrl: string }).clipUrl), 'same-origin-clip');
    // The self-view plays the camera, which is listed already: it is not listed again as a page video.
    await waitForOptions(page, ['Your camera', 'Video 1 on the page']);
    await addVideo(crossOrigin, 'cross-origin-clip');
    await waitForOptions(page, ['Your camera', 'Video 1 on the page', 'Video 2 on the page (cannot be read: from another site)']);
    // A video with DRM keys attached draws black rather than failing: it is listed as protected.
    await page.evaluate(async () => {
      const access = await navigator.requestMediaKeySystemAccess('org.w3.clearkey', [{ initDataTypes: ['webm'], videoCapabilities: [{ contentType: 'video/webm; codecs="vp8"' }] }]);
      const video = Object.assign(document.createElement('video'), { id: 'protected-clip', muted: true, loop: true, playsInline: true });
      await video.setMediaKeys(await access.createMediaKeys());
      video.src = (window as unknown as { clipUrl: string }).clipUrl;
      document.body.prepend(video);
      return video.play();
    });
    const options = await waitForOptions(page, ['Your camera', 'Video 1 on the page', 'Video 2 on the page (cannot be read: from another site)', 'Video 3 on the page (cannot be read: copy-protected)']);
    expect(options.map(([, , disabled]) => disabled)).toEqual([false, false, true, true]);
  });

  it('analyses a readable page video when picked, and says so when it goes away', async () => {
    await pick(page, 'Video 1 on the page');
    expect(await pickedSource(page)).toMatch(/^video:/);
    // Generous: on a loaded 2-core machine the engine may still be starting.
    await waitForStatus(page, /^Face found/, 60_000);
    expect(await page.$eval('#same-origin-clip', (v) => !(v as HTMLVideoElement).paused)).toBe(true);

    await page.$eval('#same-origin-clip', (v) => v.remove());
    await waitForStatus(page, /^Video stopped/, 5_000);
    await waitForOptions(page, ['Your camera', 'Video 2 on the page (cannot be read: from another site)', 'Video 3 on the page (cannot be read: copy-protected)'], 5_000);
  });
});
