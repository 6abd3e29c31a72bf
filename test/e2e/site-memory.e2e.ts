/**
 * What FaceReady remembers per site (issue 18): the doctor's role, after which the remote
 * participant is analysed by default, on the demo's loopback consult (the camera comes back over
 * WebRTC as the patient's tile).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionWorker, inOverlay, launch, openDemo, waitForStatus, waitInOverlay, type Session } from './harness';

const pickedSource = (page: Page) => inOverlay(page, (root) => root.querySelector<HTMLSelectElement>('.source-picker select')?.value ?? '');
const role = (page: Page) => inOverlay(page, (root) => root.querySelector<HTMLSelectElement>('.role-picker select')?.value ?? null);

describe('remembered per site', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ video: 'astronaut' });
  });
  afterAll(async () => session?.close());

  it('a doctor’s role: the remote participant is analysed first, on this site, after a reload', async () => {
    await session.setSettings({ uiLanguage: 'en', siteRoles: {} });
    const page = await openDemo(session, '?loopback');
    await waitForStatus(page, /^Face found/, 60_000);
    await waitInOverlay(page, async (p) => (await pickedSource(p)).startsWith('camera:') && (await inOverlay(p, (root) => root.querySelectorAll('.source-picker option').length)) >= 2, 20_000, 'both videos, the camera picked');
    expect(await role(page)).toBe('patient');

    await inOverlay(page, (root) => {
      const select = root.querySelector<HTMLSelectElement>('.role-picker select')!;
      select.value = 'doctor';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitInOverlay(page, async (p) => (await pickedSource(p)).startsWith('remote:'), 20_000, 'the remote participant picked');
    const { worker } = await extensionWorker(session);
    const stored = await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('siteRoles'));
    expect(stored).toEqual({ siteRoles: { [new URL(page.url()).origin]: 'doctor' } });

    await page.reload();
    await waitForStatus(page, /^Face found/, 60_000);
    await waitInOverlay(page, async (p) => (await pickedSource(p)).startsWith('remote:'), 20_000, 'the remote participant picked after the reload');
    expect(await role(page)).toBe('doctor');
    await page.close();
  });
});
