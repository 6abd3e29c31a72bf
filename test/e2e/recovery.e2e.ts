/**
 * FaceReady through its failures (issue 12): the engine closed or crashed mid-stream and
 * mid-explanation, corrupt and missing model files, camera stop/restart, tab reload, the extension
 * disabled and enabled again, and a lost WebGL context. Each asserts what the user sees and that it
 * recovers; recovery times are printed ("recovery: …") for docs/reliability.md, not asserted as
 * speed goals beyond generous bounds (the machine is shared).
 */
import { copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenBuild, clickOverlayButton, EXTENSION_DIR, extensionWorker, hasOverlayButton, inOverlay, launch, openDemo, overlayStatus, waitForStatus, waitInOverlay, type Session } from './harness';

const STOPPED = /^FaceReady stopped\. Reload this page to turn it back on\.$/;
const LIVE = /^(Face found|No face found)/;
/** Anything but a verdict: the old verdict has been cleared. */
const NOT_LIVE = /^(?!Face found|No face found)/;

/** Polls the status every 50 ms until it matches; returns the time it took and every distinct text seen on the way. */
async function timeUntilStatus(page: Page, pattern: RegExp, timeoutMs: number): Promise<{ ms: number; seen: string[] }> {
  const start = Date.now();
  const seen: string[] = [];
  while (Date.now() - start < timeoutMs) {
    const text = (await overlayStatus(page)) ?? '(no overlay)';
    if (seen.at(-1) !== text) seen.push(text);
    if (pattern.test(text)) return { ms: Date.now() - start, seen };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`status never matched ${pattern} within ${timeoutMs} ms; seen: ${JSON.stringify(seen)}`);
}

const offscreenTarget = (session: Session): Promise<Target> => session.browser.waitForTarget((t) => t.url().includes('/offscreen.html'), { timeout: 30_000 });

/**
 * Crashes the offscreen document's renderer, as an out-of-memory kill would; resolves with the time
 * the target was gone (a renderer busy in a long task, e.g. LIME, dies only when it yields).
 */
async function crashEngine(session: Session): Promise<number> {
  const target = await offscreenTarget(session);
  const gone = new Promise<number>((resolve) => {
    const onDestroyed = (destroyed: Target) => destroyed === target && (session.browser.off('targetdestroyed', onDestroyed), resolve(Date.now()));
    session.browser.on('targetdestroyed', onDestroyed);
  });
  const cdp = await target.createCDPSession();
  // The target dies with the call, so its answer never comes.
  void cdp.send('Page.crash').catch(() => undefined);
  return gone;
}

async function explainPanelText(page: Page): Promise<string> {
  return inOverlay(page, (root) => [...root.querySelectorAll('[role="alert"]')].map((e) => e.textContent).join(' '));
}

describe('the analysis engine closed, crashed, or the extension going away', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ video: 'astronaut' });
  });
  afterAll(async () => session?.close());

  it('is live again after the offscreen document is closed', async () => {
    const page = await openDemo(session);
    await waitForStatus(page, LIVE, 60_000);
    await session.closeEngine();
    const closed = Date.now();
    // The verdict of the closed engine goes first (it is stale), then the new engine's verdict comes.
    const cleared = await timeUntilStatus(page, NOT_LIVE, 5_000);
    const { seen } = await timeUntilStatus(page, LIVE, 90_000);
    const ms = Date.now() - closed;
    console.log(`recovery: closed engine → old verdict cleared in ${cleared.ms} ms, live again in ${ms} ms (${JSON.stringify([...cleared.seen, ...seen])})`);
    expect(seen).not.toContainEqual(expect.stringMatching(/cannot|stopped/i));
    await page.close();
  });

  it('ends an explanation interrupted by a closed engine with a clear message and Retry, and live frames resume', async () => {
    await session.setSettings({ limeSamples: 3000, explainMethod: 'combined' });
    const page = await openDemo(session);
    await waitForStatus(page, LIVE, 60_000);
    await clickOverlayButton(page, 'Explain');
    await waitInOverlay(page, (p) => inOverlay(p, (root) => !!root.querySelector('progress')), 60_000, 'a progress bar');
    await session.closeEngine();
    await waitInOverlay(page, (p) => hasOverlayButton(p, 'Retry'), 5_000, 'a Retry button');
    expect(await explainPanelText(page)).toBe('The explanation was interrupted because the analysis engine stopped. Choose Retry to explain again.');
    const { ms } = await timeUntilStatus(page, LIVE, 90_000);
    console.log(`recovery: explanation interrupted by a closed engine → live frames again in ${ms} ms`);
    // Retry asks the new engine; it runs again (cancelled here: LIME takes minutes on this machine).
    await clickOverlayButton(page, 'Retry');
    await waitInOverlay(page, (p) => hasOverlayButton(p, 'Cancel'), 60_000, 'the retried explanation running');
    await clickOverlayButton(page, 'Cancel');
    await waitInOverlay(page, (p) => hasOverlayButton(p, 'Explain'), 30_000, 'the Explain button again');
    await page.close();
  });

  /** Crashes the engine, checks the plain words and that nothing stale stays, then brings the extension back as the user would. */
  async function crashAndReload(page: Page, when: string): Promise<void> {
    const asked = Date.now();
    const crashed = crashEngine(session);
    const { seen } = await timeUntilStatus(page, STOPPED, 10_000);
    const told = Date.now();
    const ms = told - (await crashed);
    console.log(`recovery: crashed engine ${when} (extension process; renderer gone ${(await crashed) - asked} ms after Page.crash) → "FaceReady stopped" shown ${ms} ms after the crash (${JSON.stringify(seen)})`);
    expect(ms).toBeLessThan(1000 + 1000); // the promise is 1 s; one more for the polls of a loaded machine
    // Never a progress message or an error about the engine in between: the last verdict, then the plain words.
    expect(seen.slice(0, -1).every((text) => LIVE.test(text))).toBe(true);
    // The crash took the service worker with it (the offscreen document shared its process): it stays said.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await overlayStatus(page)).toMatch(STOPPED);
    expect(await inOverlay(page, (root) => root.querySelector('.badge')?.textContent ?? null)).toBeNull();

    // The extension comes back (reloaded, as the user would from chrome://extensions): the open page reconnects without a reload.
    const back = Date.now();
    await session.browser.installExtension(EXTENSION_DIR);
    const { ms: reconnectMs } = await timeUntilStatus(page, LIVE, 60_000);
    console.log(`recovery: extension reloaded after the crash ${when} → open page live again in ${Date.now() - back} ms (status wait ${reconnectMs} ms)`);
    expect(await page.evaluate(() => document.querySelectorAll('faceready-overlay').length)).toBe(1);
  }

  it('says FaceReady stopped, in plain words, when a crash takes the extension down mid-stream, and reconnects open pages when it comes back', async () => {
    const page = await openDemo(session);
    await waitForStatus(page, LIVE, 60_000);
    await crashAndReload(page, 'mid-stream');
    await page.close();
  });

  it('ends a running explanation when a crash takes the extension down, says FaceReady stopped, and reconnects when it comes back', async () => {
    const page = await openDemo(session);
    await waitForStatus(page, LIVE, 60_000);
    await clickOverlayButton(page, 'Explain');
    await waitInOverlay(page, (p) => inOverlay(p, (root) => !!root.querySelector('progress')), 60_000, 'a progress bar');
    const explaining = crashAndReload(page, 'mid-explanation');
    await waitInOverlay(page, async (p) => /interrupted because the analysis engine stopped/.test(await explainPanelText(p)), 5_000, 'the interrupted explanation');
    await explaining;
    await page.close();
  });

  it('keeps working through a camera stop and restart and a tab reload', async () => {
    const page = await openDemo(session);
    await waitForStatus(page, LIVE, 60_000);
    await page.click('#stop');
    await waitForStatus(page, /^Camera stopped$/, 5_000);
    await page.click('#start');
    await waitForStatus(page, LIVE, 30_000);
    await page.reload();
    const { ms } = await timeUntilStatus(page, LIVE, 90_000);
    console.log(`recovery: tab reload → live again in ${ms} ms`);
    await page.close();
  });
});

describe('the extension disabled and enabled again (chrome.management from another extension)', () => {
  let session: Session;
  let helperDir: string;
  let management: CDPSession;
  beforeAll(async () => {
    session = await launch({ video: 'astronaut' });
    // A helper extension with the "management" permission, which FaceReady itself does not request.
    helperDir = mkdtempSync(join(tmpdir(), 'faceready-manager-'));
    writeFileSync(join(helperDir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'manager', version: '1', permissions: ['management'], background: { service_worker: 'sw.js' } }));
    writeFileSync(join(helperDir, 'sw.js'), '');
    writeFileSync(join(helperDir, 'manage.html'), '<!doctype html><title>manager</title>');
    const helperId = await session.browser.installExtension(helperDir);
    // A page of the helper, not its service worker: a worker with nothing to do is stopped after 30 s.
    const helperPage = await session.browser.newPage();
    await helperPage.goto(`chrome-extension://${helperId}/manage.html`);
    management = await helperPage.createCDPSession();
  });
  afterAll(async () => {
    await session?.close();
    rmSync(helperDir, { recursive: true, force: true });
  });

  const setEnabled = async (id: string, enabled: boolean) => {
    const { exceptionDetails } = await management.send('Runtime.evaluate', { expression: `chrome.management.setEnabled(${JSON.stringify(id)}, ${enabled})`, awaitPromise: true });
    if (exceptionDetails) throw new Error(`chrome.management.setEnabled failed: ${exceptionDetails.text}`);
  };

  it('tells the open page FaceReady stopped, and brings it back without a reload', async () => {
    const { origin } = await extensionWorker(session);
    const id = new URL(origin).host;
    const page = await openDemo(session);
    await waitForStatus(page, LIVE, 60_000);
    await setEnabled(id, false);
    const { ms, seen } = await timeUntilStatus(page, STOPPED, 10_000);
    console.log(`recovery: extension disabled → "FaceReady stopped" shown in ${ms} ms`);
    expect(seen.slice(0, -1).every((text) => LIVE.test(text))).toBe(true);
    // The page's tap was told to stop: it samples no more frames (none is posted in a second).
    const framesPosted = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let frames = 0;
          const count = (e: MessageEvent) => (e.data?.type === 'frame' ? frames++ : undefined);
          window.addEventListener('message', count);
          setTimeout(() => (window.removeEventListener('message', count), resolve(frames)), 1000);
        }),
    );
    expect(framesPosted).toBe(0);
    const back = Date.now();
    await setEnabled(id, true);
    await timeUntilStatus(page, LIVE, 60_000);
    console.log(`recovery: extension enabled again → open page live again in ${Date.now() - back} ms`);
    await page.close();
  });
});

describe('model files missing or corrupt', () => {
  it('names the missing file at once, retries, and goes live once the file is back, without a reload', async () => {
    const build = brokenBuild();
    const session = await launch({ video: 'astronaut', extensionDir: build.dir });
    try {
      const page = await openDemo(session);
      const text = await waitForStatus(page, /cannot analyse/i, 60_000);
      expect(text).toMatch(/Could not load the face mesh model from chrome-extension:\/\/[a-z]+\/models\/vendor\/human\/facemesh\.json/);
      copyFileSync(join(EXTENSION_DIR, 'models/vendor/human/facemesh.bin'), join(build.dir, 'models/vendor/human/facemesh.bin'));
      const { ms } = await timeUntilStatus(page, LIVE, 90_000);
      console.log(`recovery: missing model file restored → live again in ${ms} ms (retry with backoff)`);
    } finally {
      await session.close();
      build.remove();
    }
  });

  it('names a corrupt classifier file instead of hanging', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faceready-corrupt-'));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'models/classifier/model.json'), '{"modelTopology": not json');
    const session = await launch({ video: 'astronaut', extensionDir: dir });
    try {
      const page = await openDemo(session);
      const text = await waitForStatus(page, /cannot analyse/i, 60_000);
      expect(text).toMatch(/models\/classifier\/model\.json/);
    } finally {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a lost WebGL context', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ video: 'astronaut' });
    await session.setSettings({ backendChoice: 'webgl' });
  });
  afterAll(async () => session?.close());

  // Two outcomes are possible: TF.js's context-lost event arrives and the engine moves to WASM with
  // a notice; or the renderer crashes first (what Chromium 156 with SwiftShader did here about 0.3 s
  // after the loss, docs/reliability.md), taking the extension's process down, and then the promise
  // is the crash's: "FaceReady stopped" and nothing stale.
  it('falls back to WASM with a notice, or, if the lost context crashes the renderer, says FaceReady stopped', async () => {
    const page = await openDemo(session);
    await waitForStatus(page, LIVE, 120_000);
    expect(await inOverlay(page, (root) => root.querySelector('.badge')?.textContent)).toBe('webgl');
    // Every WebGL context of the offscreen document, found through the heap, loses its context.
    const target = await offscreenTarget(session);
    let crashedAt: number | null = null;
    const onDestroyed = (destroyed: Target) => (destroyed === target ? (crashedAt = Date.now()) : undefined);
    session.browser.on('targetdestroyed', onDestroyed);
    const cdp = await target.createCDPSession();
    const contexts = [];
    for (const name of ['WebGL2RenderingContext', 'WebGLRenderingContext']) {
      const proto = await cdp.send('Runtime.evaluate', { expression: `${name}.prototype` });
      contexts.push((await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId! })).objects.objectId!);
    }
    const lost = Date.now();
    for (const objectId of contexts) {
      const loseAll = 'function () { for (const gl of this) gl.getExtension("WEBGL_lose_context")?.loseContext(); }';
      // A crash may close the target before the second call answers.
      await cdp.send('Runtime.callFunctionOn', { objectId, functionDeclaration: loseAll }).catch(() => undefined);
    }
    // A stale webgl verdict still reads as live until the engine's switch reaches the overlay: wait for the outcome.
    const seen: string[] = [];
    const outcome = await (async () => {
      for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
        const text = (await overlayStatus(page)) ?? '(no overlay)';
        if (seen.at(-1) !== text) seen.push(text);
        if (STOPPED.test(text)) return 'stopped';
        // The badge names the backend and how it runs, e.g. "wasm · SIMD · 1 thread".
        if (LIVE.test(text) && /^wasm\b/.test((await inOverlay(page, (root) => root.querySelector('.badge')?.textContent)) ?? '')) return 'wasm';
      }
      throw new Error(`neither live on WASM nor "FaceReady stopped" within 60 s; seen ${JSON.stringify(seen)}`);
    })();
    session.browser.off('targetdestroyed', onDestroyed);
    if (outcome === 'wasm') {
      console.log(`recovery: lost WebGL context → live on WASM in ${Date.now() - lost} ms (${JSON.stringify(seen)})`);
      expect(await inOverlay(page, (root) => root.querySelector('.notice')?.textContent)).toBe('The graphics card reset; FaceReady switched to its slower WASM engine.');
    } else {
      expect(crashedAt).not.toBeNull();
      const told = Date.now();
      console.log(`recovery: lost WebGL context → renderer crashed ${crashedAt! - lost} ms after the loss; "FaceReady stopped" by ${told - crashedAt!} ms after the crash (${JSON.stringify(seen)})`);
      expect(told - crashedAt!).toBeLessThan(2000);
      expect(await inOverlay(page, (root) => root.querySelector('.badge')?.textContent ?? null)).toBeNull();
    }
  }, 300_000);
});
