/**
 * Accessibility (issue 18): axe-core audits the overlay (in its shadow root, on a live call), the
 * popup, the options page and the check page, in English and German, and fails on any serious or
 * critical violation. Then the panel is moved by keyboard and keeps its place on the site.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickOverlayButton, exposeOverlayRoot, extensionWorker, inOverlay, launch, openDemo, waitForStatus, waitInOverlay, type Session } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's serious and critical findings on the page (or only inside `include`), as "rule: help (targets)". */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async (selector) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    return result.violations;
  }, include ?? null)) as Violation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

const panelTransform = (page: Page) => inOverlay(page, (root) => (root.querySelector('section.panel') as HTMLElement).style.transform);

describe('accessibility', () => {
  let session: Session;
  let extensionOrigin: string;
  beforeAll(async () => {
    session = await launch({ video: 'astronaut' });
    extensionOrigin = (await extensionWorker(session)).origin;
  });
  afterAll(async () => session?.close());

  for (const language of ['en', 'de'] as const) {
    it(`the overlay on a live call has no serious violations (${language})`, async () => {
      await session.setSettings({ uiLanguage: language });
      const page = await openDemo(session);
      await waitForStatus(page, language === 'en' ? /^Face found/ : /^Gesicht gefunden/, 60_000);
      // The details open, so their checks, measures and probabilities are audited too.
      await waitInOverlay(page, (p) => inOverlay(p, (root) => root.querySelector('details')), 10_000, 'the details');
      await inOverlay(page, (root) => ((root.querySelector('details') as HTMLDetailsElement).open = true));
      expect(await inOverlay(page, (root) => [(root.host as HTMLElement).lang, (root.querySelector('section.panel') as HTMLElement).lang])).toEqual([language, language]);
      // axe-core walks open shadow roots only: the closed one is handed to it (this page is no hostile one).
      await exposeOverlayRoot(page);
    expect(await seriousViolations(page, 'faceready-overlay')).toEqual([]);
      await page.close();
    });
  }

  it('the overlay follows dark mode and stays without serious violations in it', async () => {
    await session.setSettings({ uiLanguage: 'en' });
    const page = await openDemo(session);
    await waitForStatus(page, /^Face found/, 60_000);
    const panelStyle = () =>
      inOverlay(page, (root) => {
        const style = getComputedStyle(root.querySelector('section.panel')!);
        return { background: style.backgroundColor };
      });
    expect((await panelStyle()).background).toBe('rgb(255, 255, 255)');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect((await panelStyle()).background).toBe('rgb(31, 31, 31)');
    await exposeOverlayRoot(page);
    expect(await seriousViolations(page, 'faceready-overlay')).toEqual([]);
    await page.close();
  });

  for (const [name, path] of [
    ['popup', '/popup.html'],
    ['options page', '/options.html'],
    ['check page', '/check.html'],
    ['help page', '/docs.html?page=help'],
  ] as const) {
    it(`the ${name} has no serious violations`, async () => {
      await session.setSettings({ uiLanguage: 'en' });
      const page = await session.browser.newPage();
      await page.goto(`${extensionOrigin}${path}`);
      await page.waitForFunction(() => (document.querySelector('#app, main, #doc')?.textContent ?? '').length > 0, { timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('moves the panel with the keyboard and keeps its place on the site', async () => {
    await session.setSettings({ uiLanguage: 'en', panelOffsets: {} });
    const page = await openDemo(session);
    await waitForStatus(page, /^Face found/, 60_000);
    expect(await panelTransform(page)).toBe('translate(0px, 0px)');
    await inOverlay(page, (root) => (root.querySelector('button.move') as HTMLButtonElement).focus());
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    expect(await panelTransform(page)).toBe('translate(-32px, -16px)');
    // The move button says how to use it to a screen reader.
    expect(await inOverlay(page, (root) => root.getElementById(root.querySelector('button.move')!.getAttribute('aria-describedby')!)?.textContent)).toMatch(/^Arrow keys move the panel/);

    await page.reload();
    await waitForStatus(page, /^Face found|^Analysing/, 60_000);
    expect(await panelTransform(page)).toBe('translate(-32px, -16px)');
    await inOverlay(page, (root) => (root.querySelector('button.move') as HTMLButtonElement).focus());
    await page.keyboard.press('Home');
    expect(await panelTransform(page)).toBe('translate(0px, 0px)');

    // The panel's Help opens the troubleshooting page (a page cannot link to the extension's own pages).
    const before = new Set(session.browser.targets());
    const [help] = await Promise.all([
      session.browser.waitForTarget((t) => !before.has(t) && t.url() === `${extensionOrigin}/docs.html?page=help`, { timeout: 15_000 }),
      clickOverlayButton(page, 'Help'),
    ]);
    const helpPage = (await help.asPage())!;
    await helpPage.waitForFunction(() => document.querySelector('h1')?.textContent === 'FaceReady help', { timeout: 15_000 });
    await helpPage.close();
    await page.close();
  });
});
