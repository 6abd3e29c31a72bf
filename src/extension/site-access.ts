/**
 * Turning FaceReady on or off for one site, from the popup or the options page. Turning on asks
 * for the optional host permission first, so call `setSiteEnabled` straight from the user's click
 * (Chrome only prompts within a user gesture); the background then registers the content scripts.
 * Turning off unregisters them and gives the permission back (unless another enabled origin of the same host uses it).
 */
import { browser } from 'wxt/browser';
import type { BackgroundReply } from '../protocol/messages';
import { enabledOrigins } from './settings';
import { originMatchPattern } from './site-matches';

export type SiteChange = { ok: true } | { ok: false; reason: 'permission-denied' | 'not-a-site' } | { ok: false; reason: 'failed'; error: string };

export async function setSiteEnabled(origin: string, enabled: boolean): Promise<SiteChange> {
  const pattern = originMatchPattern(origin);
  if (!pattern) return { ok: false, reason: 'not-a-site' };
  if (enabled && !(await browser.permissions.request({ origins: [pattern] }))) return { ok: false, reason: 'permission-denied' };
  const reply = (await browser.runtime.sendMessage({ type: 'set-site-enabled', origin, enabled })) as BackgroundReply;
  if (!reply.ok) return { ok: false, reason: 'failed', error: reply.error };
  // One host pattern covers every port of a host: keep it while another enabled origin of that host needs it.
  if (!enabled && !(await enabledOrigins.getValue()).some((other) => originMatchPattern(other) === pattern)) await browser.permissions.remove({ origins: [pattern] });
  return { ok: true };
}
