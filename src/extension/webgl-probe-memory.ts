/**
 * The engine's WebGL probe, remembered for the browser session (chrome.storage.session, which the
 * browser clears when it quits): a restarted offscreen document is handed the earlier result in its
 * URL (it has no storage API) and skips the probe, which costs it 20–100 ms of its restart
 * (docs/reliability.md). Only a result that puts WASM first is kept (`rememberableWebglProbe`), and it
 * is validated again on every read.
 */
import { browser } from 'wxt/browser';
import { rememberableWebglProbe, WEBGL_PROBE_PARAM } from '../engine/backend-choice';
import type { BackgroundRequest } from '../protocol/messages';

const STORAGE_KEY = 'webglProbe';

/** From the offscreen document: hands its probe's result to the background to remember (when it may be remembered). */
export function reportWebglProbe(renderer: string | null): void {
  if (!rememberableWebglProbe(renderer)) return;
  const request: BackgroundRequest = { type: 'webgl-probed', renderer };
  // Only a lost speed-up if it fails (the next engine probes again).
  browser.runtime.sendMessage(request).catch(() => undefined);
}

/** In the background: remembers a probe's result for the session (what may not be remembered is ignored). */
export async function rememberWebglProbe(renderer: string | null): Promise<void> {
  if (rememberableWebglProbe(renderer)) await browser.storage.session.set({ [STORAGE_KEY]: { renderer } });
}

/** In the background: the remembered probe as a URL parameter for the next offscreen document ("" when there is none). */
export async function rememberedWebglProbeParam(): Promise<string> {
  const stored: unknown = (await browser.storage.session.get(STORAGE_KEY))[STORAGE_KEY];
  const renderer = typeof stored === 'object' && stored !== null && 'renderer' in stored ? stored.renderer : undefined;
  return rememberableWebglProbe(renderer) ? `&${WEBGL_PROBE_PARAM}=${encodeURIComponent(JSON.stringify(renderer))}` : '';
}
