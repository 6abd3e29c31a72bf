/**
 * A managed policy applied for real (issue 18): Chromium reads enterprise policy from
 * /etc/chromium/policies/managed/*.json, which a test must not write (it is the machine's). So this
 * test starts Chromium in a private mount namespace (`unshare -m`, root only) where a temporary
 * folder is bind-mounted over /etc/chromium, holding one policy file with a "3rdparty" policy for
 * FaceReady's extension id. Nothing outside that Chromium sees the policy. The extension reads it
 * through chrome.storage.managed, as on a clinic's managed machine.
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../../scripts/lib/chromium';
import { EXTENSION_DIR, extensionWorker, inOverlay, launch, openDemo, waitForStatus, waitInOverlay, type Session } from './harness';

/** Chromium's id for an unpacked extension: the SHA-256 of its absolute path, first 16 bytes, hex digits written a–p. */
const unpackedExtensionId = (dir: string) =>
  [...createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32)].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');

const POLICY = { samplingFps: 3, uiLanguage: 'de', defaultProfile: 'uv', backendChoice: 'wasm', enabledOrigins: ['https://consult.example.org'] };

/** A Chromium launcher that sees `policy` for `extensionId` as machine policy, in its own mount namespace. */
function chromiumWithPolicy(extensionId: string, policy: unknown): { launcher: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'faceready-policy-'));
  const etc = join(dir, 'etc-chromium');
  mkdirSync(join(etc, 'policies/managed'), { recursive: true });
  if (existsSync('/etc/chromium/master_preferences')) copyFileSync('/etc/chromium/master_preferences', join(etc, 'master_preferences'));
  writeFileSync(join(etc, 'policies/managed/faceready.json'), JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }));
  const launcher = join(dir, 'chromium-with-policy.sh');
  writeFileSync(launcher, `#!/bin/sh\nexec unshare --mount --propagation private -- sh -c 'mount --bind "$0" /etc/chromium && exec "$@"' '${etc}' '${CHROMIUM}' "$@"\n`);
  chmodSync(launcher, 0o755);
  return { launcher, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const canMountPrivately = process.getuid?.() === 0;

describe.runIf(canMountPrivately)('a managed policy', () => {
  let session: Session;
  let policy: ReturnType<typeof chromiumWithPolicy>;
  let optionsUrl: string;
  beforeAll(async () => {
    policy = chromiumWithPolicy(unpackedExtensionId(EXTENSION_DIR), POLICY);
    session = await launch({ video: 'astronaut', chromium: policy.launcher });
    optionsUrl = `${(await extensionWorker(session)).origin}/options.html`;
  });
  afterAll(async () => {
    await session?.close();
    policy?.remove();
  });

  it('reaches the extension through chrome.storage.managed', async () => {
    const { origin } = await extensionWorker(session);
    expect(origin).toBe(`chrome-extension://${unpackedExtensionId(EXTENSION_DIR)}`);
    const page = await session.browser.newPage();
    await page.goto(optionsUrl);
    // Chromium loads extension policy shortly after start-up: until then managed storage is empty (and FaceReady follows it when it arrives).
    const managed = await page.waitForFunction(
      async () => {
        const value = await (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<Record<string, unknown>> } } } }).chrome.storage.managed.get();
        return Object.keys(value).length > 0 && value;
      },
      { timeout: 20_000, polling: 250 },
    );
    expect(await managed.jsonValue()).toEqual(POLICY);
    await page.close();
  });

  it('wins over the user’s settings, and the options page shows it as set by the administrator', async () => {
    await session.setSettings({ samplingFps: 8, uiLanguage: 'en', backendChoice: 'cpu', defaultProfile: 'consult' });
    const page: Page = await session.browser.newPage();
    await page.goto(optionsUrl);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'FaceReady-Einstellungen', { timeout: 30_000 });
    for (const [selector, value] of [['#sampling-fps', '3'], ['#backend', 'wasm'], ['#default-profile', 'uv'], ['#language', 'de']] as const) {
      const field = await page.waitForSelector(selector, { timeout: 30_000 });
      expect(await field!.evaluate((el) => [(el as HTMLInputElement).value, (el as HTMLInputElement).disabled])).toEqual([value, true]);
      expect(await page.$eval(`${selector}-managed`, (el) => el.textContent)).toBe('Von Ihrer Administration festgelegt.');
    }
    // The explanation settings were not in the policy: still the user's to change.
    expect(await page.$eval('#lime-samples', (el) => (el as HTMLInputElement).disabled)).toBe(false);
    expect(await page.evaluate(() => document.body.textContent)).toContain('https://consult.example.org');
    await page.close();
  });

  it('applies on the pages FaceReady runs on: the overlay speaks the administrator’s language and profile', async () => {
    const page = await openDemo(session);
    await waitForStatus(page, /Gesicht gefunden|Kein Gesicht gefunden/, 60_000);
    await waitInOverlay(page, (p) => inOverlay(p, (root) => root.querySelector<HTMLSelectElement>('.profile-picker select')?.value === 'uv'), 10_000, 'the UV profile');
    await page.close();
  });
});
