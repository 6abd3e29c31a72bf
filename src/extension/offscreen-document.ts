/**
 * One offscreen document per browser hosts the analysis engine. It is created on demand and
 * recreated if it has gone; concurrent callers share one creation.
 */
import { browser } from 'wxt/browser';

const OFFSCREEN_PATH = '/offscreen.html';
let creating: Promise<void> | null = null;

export async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType], documentUrls: [url] });
  if (existing.length > 0) return;
  creating ??= browser.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['WORKERS' as Browser.offscreen.Reason],
      justification: 'Runs the face-quality models (TensorFlow.js) on sampled camera frames, on this machine.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}
