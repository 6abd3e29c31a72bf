/**
 * A call inside a cross-origin iframe (issue 18): the portal page on one loopback origin embeds the
 * consult page from the other (localhost ↔ 127.0.0.1, both local pages of the test build), as a
 * clinic portal embeds a video SDK. Also: the toolbar badge on the tab, and the show/hide shortcut's
 * message reaching the panel in the frame.
 */
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionWorker, launch, overlayStatus, waitForText, type Session } from './harness';

async function callFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f !== page.mainFrame() && new URL(f.url() || 'about:blank').hostname === '127.0.0.1');
    if (frame) return frame;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the call's frame never loaded; frames: ${page.frames().map((f) => f.url()).join(', ')}`);
}

describe('a call inside a cross-origin iframe', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ video: 'astronaut' });
  });
  afterAll(async () => session?.close());

  it('is analysed by a panel inside the frame', async () => {
    const page = await session.browser.newPage();
    const port = new URL(session.demo.url).port;
    await page.goto(`http://localhost:${port}/frame.html?autostart`);
    const frame = await callFrame(page);
    expect(new URL(frame.url()).origin).not.toBe(new URL(page.url()).origin);
    const found = await waitForText(() => overlayStatus(frame), /^Face found/, 60_000, 'the framed call’s overlay');
    expect(found).toMatch(/^Face found/);
    // The portal itself plays no video: its own panel waits for a camera.
    expect(await overlayStatus(page.mainFrame())).toBe('Waiting for the camera');

    // The toolbar button says FaceReady is on for this tab.
    await page.bringToFront();
    const { worker } = await extensionWorker(session);
    // What the action shows on the active tab (read in the service worker), and the shortcut's message to it.
    const onActiveTab = (what: 'badge' | 'title' | 'toggle') =>
      worker.evaluate(async (asked) => {
        const chrome = (globalThis as unknown as { chrome: any }).chrome;
        const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
        if (asked === 'badge') return chrome.action.getBadgeText({ tabId: tab.id }) as Promise<string>;
        if (asked === 'title') return chrome.action.getTitle({ tabId: tab.id }) as Promise<string>;
        // chrome.commands cannot be pressed from a test: this is the message the command's listener sends to every frame.
        await chrome.tabs.sendMessage(tab.id, { type: 'toggle-panel' }).catch(() => undefined);
        return '';
      }, what);
    await waitForText(() => onActiveTab('badge'), /^ON$/, 10_000, 'the tab’s badge');
    expect(await onActiveTab('title')).toBe(`FaceReady is on for http://localhost:${port}`);

    // The show/hide shortcut hides and shows the panel in the frame.
    await onActiveTab('toggle');
    await waitForText(async () => String(await overlayStatus(frame)), /^null$/, 5_000, 'the hidden panel');
    await onActiveTab('toggle');
    await waitForText(() => overlayStatus(frame), /^Face found/, 10_000, 'the panel shown again');

    // Leaving for a page FaceReady is not on takes the badge away.
    await page.goto('about:blank');
    await waitForText(() => onActiveTab('badge'), /^$/, 10_000, 'the badge after leaving');
    await page.close();
  });
});
