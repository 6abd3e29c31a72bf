import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionWorker, hasOverlayButton, inOverlay, launch, openDemo, waitInOverlay, type Session } from './harness';

/** chrome.storage.local as the extension sees it (read from one of its pages). */
const stored = (page: Page, keys: string[]) =>
  page.evaluate((k) => (globalThis as unknown as { chrome: { storage: { local: { get(k: string[]): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(k), keys);

/** Each setting renders once its stored value is read, so these wait for their element first. */
const text = async (page: Page, selector: string) => (await page.waitForSelector(selector, { timeout: 30_000 }))!.evaluate((el) => el.textContent ?? '');
const value = async (page: Page, selector: string) => (await page.waitForSelector(selector, { timeout: 30_000 }))!.evaluate((el) => (el as HTMLInputElement | HTMLSelectElement).value);

async function choose(page: Page, selector: string, option: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 30_000 });
  await page.select(selector, option);
}

async function typeInto(page: Page, selector: string, typed: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 30_000 });
  await page.click(selector, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(selector, typed);
  await page.keyboard.press('Tab'); // commits the value (a change event)
}

async function waitForText(page: Page, selector: string, expected: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await page.$eval(selector, (el) => el.textContent).catch(() => null);
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${selector} never read ${JSON.stringify(expected)}; last: ${JSON.stringify(last)}`);
}

/** The page of a target that `action` opens (a new one: an earlier page with the same URL does not count). */
async function pageOpenedBy(session: Session, path: string, action: () => Promise<unknown>): Promise<Page> {
  const before = new Set(session.browser.targets());
  const [target] = await Promise.all([session.browser.waitForTarget((t) => !before.has(t) && t.url().endsWith(path), { timeout: 30_000 }), action()]);
  return (await target.asPage())!;
}

/** Opens the real action popup over the active tab (chrome.action.openPopup, from the service worker). */
async function openPopup(session: Session): Promise<Page> {
  const { worker } = await extensionWorker(session);
  return pageOpenedBy(session, '/popup.html', () => worker.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup()));
}

describe('Settings', () => {
  let session: Session;
  let optionsUrl: string;
  beforeAll(async () => {
    session = await launch({ video: 'astronaut' });
    optionsUrl = `${(await extensionWorker(session)).origin}/options.html`;
  });
  afterAll(async () => session?.close());

  it('falls back to the defaults for invalid stored values', async () => {
    await session.setSettings({ samplingFps: 'fast', limeSamples: 1e9, uiLanguage: 'tlh', backendChoice: 'quantum', defaultProfile: 7, siteProfiles: ['x'], enabledOrigins: 'everything' });
    const page = await session.browser.newPage();
    await page.goto(optionsUrl);
    await page.waitForSelector('#sampling-fps');
    expect(await value(page, '#sampling-fps')).toBe('5');
    expect(await value(page, '#lime-samples')).toBe('1000');
    expect(await value(page, '#backend')).toBe('auto');
    expect(await value(page, '#default-profile')).toBe('consult');
    expect(await value(page, '#language')).toBe('auto');
    await page.close();
  });

  it('shows and saves every setting, refuses invalid input, and keeps the values after a reload', async () => {
    await session.setSettings({ uiLanguage: 'en', siteProfiles: { 'https://consult.example.org': 'uv', 'https://id.example.org': 'consult' }, enabledOrigins: [] });
    const page = await session.browser.newPage();
    await page.goto(optionsUrl);
    await waitForText(page, 'h1', 'FaceReady settings');
    expect(await text(page, '#sites-heading')).toBe('Enabled sites');

    await choose(page, '#default-profile', 'id-photo');
    await typeInto(page, '#sampling-fps', '99');
    expect(await text(page, '#sampling-fps-error')).toBe('Enter a number from 1 to 15.');
    await typeInto(page, '#sampling-fps', '8');
    await typeInto(page, '#lime-samples', '250');
    await choose(page, '#explain-method', 'gradcam');
    await choose(page, '#backend', 'wasm');
    // Per-site profiles: change one, forget the other.
    await choose(page, 'select[aria-label="Profile for https://consult.example.org"]', 'id-photo');
    await page.click('button[aria-label="Forget the profile for https://id.example.org"]');
    await page.waitForFunction(() => !document.querySelector('button[aria-label="Forget the profile for https://id.example.org"]'), { timeout: 10_000 });
    // An address that is not a web site is refused before any permission prompt.
    await typeInto(page, '#site-address', 'file:///etc/passwd');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#site-address-error');
    expect(await text(page, '#site-address-error')).toMatch(/^Enter a web address/);

    await page.waitForFunction(() => !document.querySelector('#sampling-fps-error'));
    expect(await stored(page, ['defaultProfile', 'samplingFps', 'limeSamples', 'explainMethod', 'backendChoice', 'siteProfiles', 'enabledOrigins'])).toEqual({
      defaultProfile: 'id-photo',
      samplingFps: 8,
      limeSamples: 250,
      explainMethod: 'gradcam',
      backendChoice: 'wasm',
      siteProfiles: { 'https://consult.example.org': 'id-photo' },
      enabledOrigins: [],
    });

    await page.reload();
    await page.waitForSelector('#sampling-fps');
    expect(await value(page, '#default-profile')).toBe('id-photo');
    expect(await value(page, '#sampling-fps')).toBe('8');
    expect(await value(page, '#lime-samples')).toBe('250');
    expect(await value(page, '#explain-method')).toBe('gradcam');
    expect(await value(page, '#backend')).toBe('wasm');
    expect(await value(page, 'select[aria-label="Profile for https://consult.example.org"]')).toBe('id-photo');
    await page.close();
    // Back to the defaults the other tests (and the overlay below) expect.
    await session.setSettings({ samplingFps: 5, backendChoice: 'auto', explainMethod: 'combined' });
  });

  it('removes an enabled site', async () => {
    await session.setSettings({ enabledOrigins: ['https://consult.example.org'] });
    const page = await session.browser.newPage();
    await page.goto(optionsUrl);
    await page.waitForSelector('button[aria-label="Remove https://consult.example.org"]');
    await page.click('button[aria-label="Remove https://consult.example.org"]');
    await waitForText(page, '[role="status"]', 'Removed https://consult.example.org.');
    expect(await stored(page, ['enabledOrigins'])).toEqual({ enabledOrigins: [] });
    await page.close();
  });

  it('the popup picks and remembers the current site’s profile and links to the options page', async () => {
    await session.setSettings({ uiLanguage: 'en', defaultProfile: 'id-photo', siteProfiles: {} });
    const demo = await openDemo(session);
    await demo.bringToFront();
    const origin = new URL(demo.url()).origin;
    const popup = await openPopup(session);
    await popup.waitForSelector('#site-profile');
    expect(await text(popup, 'label[for="site-profile"]')).toBe('Profile on this site');
    // Nothing chosen for this site yet: the default profile.
    expect(await value(popup, '#site-profile')).toBe('id-photo');
    await choose(popup, '#site-profile', 'uv');
    await waitForText(popup, '[role="status"]', `Profile saved for ${origin}. Reload the page to apply it.`);
    expect(await stored(popup, ['siteProfiles', 'defaultProfile'])).toEqual({ siteProfiles: { [origin]: 'uv' }, defaultProfile: 'id-photo' });

    const page = await pageOpenedBy(session, '/options.html', () => popup.evaluate(() => [...document.querySelectorAll('a')].find((a) => a.textContent === 'All settings')!.click()));
    await page.waitForSelector(`select[aria-label="Profile for ${origin}"]`);
    expect(await value(page, `select[aria-label="Profile for ${origin}"]`)).toBe('uv');
    await page.close();
    if (!popup.isClosed()) await popup.close();
    await demo.close();
  });

  it('switches the options page and the overlay to German, and back to English', async () => {
    const options = await session.browser.newPage();
    await options.goto(optionsUrl);
    await waitForText(options, 'h1', 'FaceReady settings');
    await choose(options, '#language', 'de');
    // The page follows the setting at once, and keeps it after a reload.
    await waitForText(options, 'h1', 'FaceReady-Einstellungen');
    await options.reload();
    await waitForText(options, 'h1', 'FaceReady-Einstellungen');
    expect(await value(options, '#language')).toBe('de');
    expect(await text(options, '#profiles-heading')).toBe('Profile');

    const german = await openDemo(session);
    await waitInOverlay(german, (p) => hasOverlayButton(p, 'Erklären'), 30_000, 'the German Explain button');
    expect(await hasOverlayButton(german, 'Explain')).toBe(false);
    expect(await inOverlay(german, (root) => root.querySelector('.explain-controls select')?.getAttribute('aria-label'))).toBe('Erklärungsmethode');
    await german.bringToFront();
    const popup = await openPopup(session);
    await popup.waitForSelector('#site-profile');
    expect(await text(popup, 'label[for="site-profile"]')).toBe('Profil auf dieser Website');
    expect(await popup.$$eval('#site-profile option', (o) => o.map((e) => e.textContent))).toEqual(['UV-Hautaufnahme', 'Videosprechstunde', 'Passfoto']);
    await popup.close();
    await german.close();

    await choose(options, '#language', 'en');
    await waitForText(options, 'h1', 'FaceReady settings');
    const english = await openDemo(session);
    await waitInOverlay(english, (p) => hasOverlayButton(p, 'Explain'), 30_000, 'the English Explain button');
    expect(await hasOverlayButton(english, 'Erklären')).toBe(false);
    expect(await inOverlay(english, (root) => root.querySelector('.explain-controls select')?.getAttribute('aria-label'))).toBe('Explanation method');
    await english.close();
    await options.close();
  });
});
