/** Helpers for the still-image check page (entrypoints/check): open it, hand it a file, read its live region. */
import type { Page } from 'puppeteer-core';
import { CHECK_PAGE_PATH } from '../../src/still-image/check-page-url';
import { extensionWorker, waitForText, type Session } from './harness';

export const statusOf = (page: Page) => page.$eval('[role="status"]', (el) => el.textContent ?? '').catch(() => null);

/** Waits until the check page's live region matches; fails with the last text seen. */
export const waitForCheckStatus = (page: Page, pattern: RegExp, timeoutMs = 60_000) => waitForText(() => statusOf(page), pattern, timeoutMs, 'check page status');

/** The check page's prompt once it waits for a photo. */
export const CHECK_PAGE_PROMPT = /drop, paste or choose/i;

/** Opens the check page and waits until it says `ready` (by default its prompt for a photo). */
export async function openCheckPage(session: Session, ready = CHECK_PAGE_PROMPT): Promise<Page> {
  const { origin } = await extensionWorker(session);
  const page = await session.browser.newPage();
  await page.goto(`${origin}${CHECK_PAGE_PATH}`);
  await waitForCheckStatus(page, ready, 10_000);
  return page;
}

/** Chooses a file with the page's file picker and returns the verdict matching `pattern`. */
export async function checkFile(session: Session, path: string, pattern: RegExp, timeoutMs?: number, ready?: RegExp): Promise<string> {
  const page = await openCheckPage(session, ready);
  const input = (await page.$('input[type="file"]'))!;
  await input.uploadFile(path);
  const text = await waitForCheckStatus(page, pattern, timeoutMs);
  await page.close();
  return text;
}
