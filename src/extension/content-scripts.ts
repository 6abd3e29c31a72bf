/** Registers the camera tap (MAIN world) and the overlay (ISOLATED world) on the enabled sites. */
import { browser } from 'wxt/browser';
import { contentScriptMatches } from './site-matches';

const SCRIPTS = [
  { id: 'faceready-camera-tap', js: ['content-scripts/camera-tap.js'], world: 'MAIN' as const },
  { id: 'faceready-overlay', js: ['content-scripts/overlay.js'], world: 'ISOLATED' as const },
];

export async function syncContentScripts(origins: readonly string[]): Promise<void> {
  const matches = contentScriptMatches(origins);
  const registered = new Set((await browser.scripting.getRegisteredContentScripts()).map((s) => s.id));
  const scripts = SCRIPTS.map((s) => ({ ...s, matches, runAt: 'document_start' as const, allFrames: false, persistAcrossSessions: true }));
  const fresh = scripts.filter((s) => !registered.has(s.id));
  const known = scripts.filter((s) => registered.has(s.id));
  if (fresh.length > 0) await browser.scripting.registerContentScripts(fresh);
  if (known.length > 0) await browser.scripting.updateContentScripts(known);
}
