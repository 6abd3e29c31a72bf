/**
 * Whether FaceReady still runs on a page's site, and bringing open pages back after the extension
 * itself came back. Chrome injects registered content scripts only into pages loaded after
 * registration; pages already open when FaceReady is enabled again (or reloaded after a crash) would
 * keep a dead overlay until reloaded, so the overlay is injected into them once per extension instance.
 */
import { browser } from 'wxt/browser';
import { enabledOrigins } from './settings';
import { contentScriptMatches, originMatchPattern } from './site-matches';

/** Whether the content scripts registered for `enabled` origins cover this page's origin. */
export function siteCovered(origin: string, enabled: readonly string[]): boolean {
  const pattern = originMatchPattern(origin);
  return pattern !== null && contentScriptMatches(enabled).includes(pattern);
}

/** Calls `onTurnedOff` once when the user turns FaceReady off for this origin; returns the unwatch. */
export function watchSiteTurnedOff(origin: string, onTurnedOff: () => void): () => void {
  return enabledOrigins.watch((enabled) => {
    if (!siteCovered(origin, enabled)) onTurnedOff();
  });
}

/** Session storage lives as long as this extension instance: set once its open pages were reconnected. */
const RECONNECTED_KEY = 'openPagesReconnected';
const OVERLAY_SCRIPT = '/content-scripts/overlay.js';

/**
 * Injects the overlay into open pages of enabled sites, once per extension instance. The page's
 * tap (MAIN world) outlives the extension, so only the overlay is injected; a page opened before
 * FaceReady was first installed shows "Waiting for the camera" until its camera starts again.
 * When there are pages to reconnect, `startEngine` runs alongside the injection, so the engine is
 * loading before the overlays ask for it.
 */
export async function reconnectOpenPages(startEngine: () => Promise<void>): Promise<void> {
  if ((await browser.storage.session.get(RECONNECTED_KEY))[RECONNECTED_KEY]) return;
  await browser.storage.session.set({ [RECONNECTED_KEY]: true });
  const tabs = await browser.tabs.query({ url: contentScriptMatches(await enabledOrigins.getValue()) });
  if (tabs.length === 0) return;
  // An engine that fails to start is reported to each overlay when it asks (ensure-engine) again.
  await Promise.all([
    startEngine().catch(() => undefined),
    ...tabs.map((tab) =>
      // A tab may close, or show an error page, meanwhile: nothing to reconnect there.
      tab.id === undefined ? undefined : browser.scripting.executeScript({ target: { tabId: tab.id }, files: [OVERLAY_SCRIPT] }).catch(() => undefined),
    ),
  ]);
}
