/** Helpers for the still-image check page (entrypoints/check): open it, hand it a file, read its live region. */
import type { Page } from 'puppeteer-core';
import { CHECK_PAGE_PATH } from '../../src/still-image/check-page-url';
import { extensionWorker, waitForText, type Session } from './harness';

export const statusOf = (page: Page) => page.$eval('[role="status"]', (el) => el.textContent ?? '').catch(() => null);

/** Waits until the check page's live region matches; fails with the last text seen. */
export const waitForCheckStatus = (page: Page, pattern: RegExp, timeoutMs = 60_000) => waitForText(() => statusOf(page), pattern, timeoutMs, 'check page status');

export async function openCheckPage(session: Session): Promise<Page> {
  const { origin } = await extensionWorker(session);
  const page = await session.browser.newPage();
  await page.goto(`${origin}${CHECK_PAGE_PATH}`);
  await waitForCheckStatus(page, /drop, paste or choose/i, 10_000);
  return page;
}

/** Chooses a file with the page's file picker and returns the verdict matching `pattern`. */
export async function checkFile(session: Session, path: string, pattern: RegExp, timeoutMs?: number): Promise<string> {
  const page = await openCheckPage(session);
  const input = (await page.$('input[type="file"]'))!;
  await input.uploadFile(path);
  const text = await waitForCheckStatus(page, pattern, timeoutMs);
  await page.close();
  return text;
}
