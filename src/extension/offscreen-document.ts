/**
 * One offscreen document per browser hosts the analysis engine. It is created on demand and
 * recreated if it has gone; concurrent callers share one creation. The backend setting travels in
 * its URL (offscreen documents cannot read storage), so changing it means recreating the document;
 * so does the WebGL probe an earlier engine of this session made (webgl-probe-memory.ts).
 */
import { browser } from 'wxt/browser';
import type { EngineHost } from './engine-host';
import { backendChoice } from './settings';
import { rememberedWebglProbeParam } from './webgl-probe-memory';

const OFFSCREEN_PATH = '/offscreen.html';
let creating: Promise<void> | null = null;

async function existingDocuments() {
  return browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType] });
}

export async function ensureOffscreenDocument(): Promise<void> {
  if ((await existingDocuments()).length > 0) return;
  creating ??= (async () => {
    const url = `${OFFSCREEN_PATH}?backend=${encodeURIComponent(await backendChoice.getValue())}${await rememberedWebglProbeParam()}`;
    await browser.offscreen.createDocument({
      url,
      reasons: ['WORKERS' as Browser.offscreen.Reason],
      justification: 'Runs the face-quality models (TensorFlow.js) on sampled camera frames, on this machine.',
    });
  })().finally(() => {
    creating = null;
  });
  await creating;
}

/** Closes the engine so the next ensureOffscreenDocument starts it with the current settings. */
export async function restartOffscreenDocument(): Promise<void> {
  if ((await existingDocuments()).length > 0) await browser.offscreen.closeDocument();
}

/** Chromium's engine host: the offscreen document. */
export const offscreenEngineHost: EngineHost = { ensure: ensureOffscreenDocument, restart: restartOffscreenDocument };
