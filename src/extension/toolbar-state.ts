/**
 * What FaceReady's toolbar button says about a tab: ON when its content scripts run on the tab's
 * site (a local page of a test build, or an enabled site whose access the browser granted), else
 * off. Pure; src/extension/toolbar-badge.ts applies it. The background sees a tab's address only
 * where it has host access, so an unknown address is a site FaceReady is not on.
 */
import { SETTINGS_MESSAGES } from '../i18n/settings-messages';
import { translator, type Locale } from '../i18n/translate';
import { contentScriptMatches, originMatchPattern } from './site-matches';

export type ToolbarState = { on: true; origin: string } | { on: false; origin: string | null };

/** `granted`: whether the browser gave FaceReady access to the pattern (the user's or administrator's grant). */
export function toolbarState(url: string | undefined, enabledOrigins: readonly string[], granted: (pattern: string) => boolean): ToolbarState {
  let origin: string;
  try {
    origin = new URL(url ?? '').origin;
  } catch {
    return { on: false, origin: null };
  }
  const pattern = originMatchPattern(origin);
  if (!pattern) return { on: false, origin: null };
  return contentScriptMatches(enabledOrigins).includes(pattern) && granted(pattern) ? { on: true, origin } : { on: false, origin };
}

/** The badge text and tooltip for a state, in the user's language. */
export function toolbarWords(state: ToolbarState, locale: Locale): { badge: string; title: string } {
  const t = translator(SETTINGS_MESSAGES, locale);
  if (state.on) return { badge: t('toolbar.badgeOn'), title: t('toolbar.on', { origin: state.origin }) };
  return { badge: '', title: state.origin ? t('toolbar.off', { origin: state.origin }) : t('toolbar.offHere') };
}
