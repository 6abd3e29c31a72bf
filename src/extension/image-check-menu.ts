/**
 * The "Check face quality" entry of the context menu on images: opens the check page for the image,
 * next to the tab it is on. The page reads the image itself (src/still-image/read-still.ts); the
 * click's activeTab grant lets it draw the image in that tab when it cannot fetch it.
 */
import { browser } from 'wxt/browser';
import { CHECK_MESSAGES } from '../i18n/check-messages';
import { translator } from '../i18n/translate';
import { CHECK_PAGE_PATH, checkPageSearch, IMAGE_CHECK_MENU_ID as MENU_ID } from '../still-image/check-page-url';
import { currentLocale, uiLanguage } from './settings';

async function menuTitle(): Promise<string> {
  return translator(CHECK_MESSAGES, await currentLocale())('menuTitle');
}

/** Creates the menu entry (on install and update, as Chrome keeps menus across restarts). */
export async function createImageCheckMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: await menuTitle(), contexts: ['image'] });
}

export function listenToImageCheckMenu(): void {
  uiLanguage.watch(async () => browser.contextMenus.update(MENU_ID, { title: await menuTitle() }));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || !info.srcUrl) return;
    const url = browser.runtime.getURL(`${CHECK_PAGE_PATH}${checkPageSearch({ src: info.srcUrl, tabId: tab?.id, frameId: info.frameId })}` as '/check.html');
    void browser.tabs.create({ url, index: tab ? tab.index + 1 : undefined, openerTabId: tab?.id });
  });
}
