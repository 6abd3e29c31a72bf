/**
 * Debian's Chromium with the built extension and a fake camera, for e2e tests and benchmarks.
 * Flags: SwiftShader for WebGL (no GPU here), no background networking (the machine is offline,
 * and nothing but our own traffic should appear), and the fake camera playing a .y4m fixture.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type WebWorker } from 'puppeteer-core';
import { GENERATED_DIR } from '../../test/fixtures/fixtures';

export const EXTENSION_DIR = fileURLToPath(new URL(`../../${process.env.FACEREADY_OUT_DIR ?? '.output'}/chrome-mv3-test/`, import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  /** The extension's service worker, once it has registered the content scripts. */
  worker: WebWorker;
}

export interface LaunchOptions {
  video: string;
  extensionDir?: string;
  /** Another way to start Chromium (a wrapper script), e.g. one that gives it an enterprise policy. */
  chromium?: string;
  /** 'denied': the camera prompt is answered "Block", as by a user who refuses (default: allowed). */
  cameraPermission?: 'allowed' | 'denied';
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const video = fileURLToPath(new URL(`${options.video}.y4m`, GENERATED_DIR));
  for (const [what, path] of [['built extension', `${extensionDir}/manifest.json`], ['fake-camera video', video], ['Chromium', CHROMIUM]]) {
    if (!existsSync(path)) throw new Error(`the ${what} is missing at ${path} (\`npm run build\` builds the extension, \`npm run fixtures\` makes the videos, .ci/run installs Chromium)`);
  }
  const browser = await puppeteer.launch({
    executablePath: options.chromium ?? CHROMIUM,
    headless: true,
    enableExtensions: [extensionDir],
    pipe: true,
    args: [
      '--no-sandbox',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      options.cameraPermission === 'denied' ? '--use-fake-ui-for-media-stream=deny' : '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  const worker = await target.worker();
  if (!worker) throw new Error('the extension service worker did not start');
  await waitForContentScripts(worker);
  return { browser, extensionId: new URL(target.url()).host, worker };
}

/** The background registers the content scripts when installed; pages opened before that would see no FaceReady. */
async function waitForContentScripts(worker: WebWorker): Promise<void> {
  for (let i = 0; i < 100; i++) {
    // Runs in the service worker, where `chrome` exists once the worker has started (not at its very first instant).
    const count = await worker.evaluate(async () => (await (globalThis as unknown as { chrome?: { scripting?: { getRegisteredContentScripts(): Promise<unknown[]> } } }).chrome?.scripting?.getRegisteredContentScripts())?.length ?? 0);
    if (count >= 2) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the content scripts were never registered');
}
