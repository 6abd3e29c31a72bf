/** Keeps the toolbar button's badge and tooltip on each tab true to whether FaceReady runs there (./toolbar-state.ts). */
import { browser } from 'wxt/browser';
import { currentLocale, enabledOrigins, uiLanguage } from './settings';
import { originMatchPattern } from './site-matches';
import { toolbarState, toolbarWords } from './toolbar-state';

const BADGE_COLOUR = '#1a6b3c';

export async function updateToolbar(tabId: number, url: string | undefined): Promise<void> {
  const origins = await enabledOrigins.getValue();
  const pattern = url ? originMatchPattern(new URL(url).origin) : null;
  const granted = pattern !== null && (await browser.permissions.contains({ origins: [pattern] }));
  const { badge, title } = toolbarWords(toolbarState(url, origins, () => granted), await currentLocale());
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge }),
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }),
    browser.action.setTitle({ tabId, title }),
  ]);
}

async function updateAllTabs(): Promise<void> {
  for (const tab of await browser.tabs.query({})) if (tab.id !== undefined) await updateToolbar(tab.id, tab.url).catch(() => undefined);
}

/** Follows navigation, enabled sites (the user's or the administrator's), granted access and the language. */
export function watchToolbar(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') void updateToolbar(tabId, tab.url).catch(() => undefined);
  });
  enabledOrigins.watch(() => void updateAllTabs());
  uiLanguage.watch(() => void updateAllTabs());
  browser.permissions.onAdded.addListener(() => void updateAllTabs());
  browser.permissions.onRemoved.addListener(() => void updateAllTabs());
  void updateAllTabs();
}
