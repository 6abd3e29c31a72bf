/** Registers the camera tap (MAIN world) and the overlay (ISOLATED world) on the enabled sites, in all their frames. */
import { browser } from 'wxt/browser';
import { contentScriptMatches } from './site-matches';

const SCRIPTS = [
  { id: 'faceready-camera-tap', js: ['content-scripts/camera-tap.js'], world: 'MAIN' as const },
  { id: 'faceready-overlay', js: ['content-scripts/overlay.js'], world: 'ISOLATED' as const },
];

export async function syncContentScripts(origins: readonly string[]): Promise<void> {
  const matches = contentScriptMatches(origins);
  const registered = new Set((await browser.scripting.getRegisteredContentScripts()).map((s) => s.id));
  // Every frame of an enabled site: calls often play in an embedded video SDK's frame. A frame runs FaceReady only if its own
  // origin is enabled too (a cross-origin frame needs its site turned on); about:blank, srcdoc and blob: frames count as the
  // origin that made them (matchOriginAsFallback, Chrome 119).
  const scripts = SCRIPTS.map((s) => ({ ...s, matches, runAt: 'document_start' as const, allFrames: true, matchOriginAsFallback: true, persistAcrossSessions: true }));
  const fresh = scripts.filter((s) => !registered.has(s.id));
  const known = scripts.filter((s) => registered.has(s.id));
  if (fresh.length > 0) await browser.scripting.registerContentScripts(fresh);
  if (known.length > 0) await browser.scripting.updateContentScripts(known);
}
