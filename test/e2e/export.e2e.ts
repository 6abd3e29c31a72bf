import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import classifierConfig from '../../public/models/classifier/config.json';
import packageJson from '../../package.json';
import { clickOverlayButton, inOverlay, launch, openDemo, waitForDownloads, waitForStatus, waitInOverlay, type Session } from './harness';

/** Clicks the Save button of the offered frame whose caption starts with `caption`. */
const saveOffered = (page: Parameters<typeof inOverlay>[0], caption: string) =>
  inOverlay(
    page,
    (root, text) => {
      const figure = [...root.querySelectorAll('section.capture figure')].find((f) => f.querySelector('figcaption')?.textContent?.startsWith(text));
      (figure!.querySelector('button') as HTMLButtonElement).click();
    },
    caption,
  );

const chooseFormat = (page: Parameters<typeof inOverlay>[0], format: 'png' | 'jpeg') =>
  inOverlay(
    page,
    (root, value) => {
      const select = root.querySelector('select[aria-label="Image format"]') as HTMLSelectElement;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    format,
  );

describe('capture and export on the demo page', () => {
  let session: Session;
  let downloads: string;
  beforeAll(async () => {
    session = await launch({ video: 'astronaut' });
    // Grad-CAM alone: a quick explanation to export with the capture.
    await session.setSettings({ explainMethod: 'gradcam' });
    downloads = await mkdtemp(join(tmpdir(), 'faceready-export-'));
    const cdp = await session.browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
  });
  afterAll(async () => {
    await session?.close();
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('offers the best frame once the profile is ready, and saves it with a ready report', async () => {
    const page = await openDemo(session);
    // 90 s as the profiles' first verdicts: the engine loads slowly on SwiftShader while other jobs share the CPU.
    await waitForStatus(page, /Ready for the consult$/, 90_000);
    await waitInOverlay(page, (p) => inOverlay(p, (root) => [...root.querySelectorAll('section.capture figcaption')].some((c) => c.textContent?.startsWith('Best frame (score'))), 10_000, 'the best frame');
    await saveOffered(page, 'Best frame');

    const files = await waitForDownloads(downloads, 2);
    const png = files.find((f) => f.endsWith('.png'))!;
    expect(png).toMatch(/^faceready-consult-/);
    expect(PNG.sync.read(await readFile(join(downloads, png)))).toMatchObject({ width: 512, height: 512 });
    const report = JSON.parse(await readFile(join(downloads, files.find((f) => f.endsWith('.json'))!), 'utf8'));
    expect(report).toMatchObject({ profile: 'consult', source: 'best-frame', ready: true, hints: [] });
    expect(report.score).toBeGreaterThan(0);
    expect(report.checks.every((c: { passed: boolean | null }) => c.passed === true)).toBe(true);
    for (const file of files) await rm(join(downloads, file));
    await page.close();
  });

  it('captures the current frame and saves a 512×512 aligned PNG with its JSON report', async () => {
    const page = await openDemo(session);
    await waitForStatus(page, /face found/i, 30_000);
    await clickOverlayButton(page, 'Capture');
    await waitInOverlay(page, (p) => inOverlay(p, (root) => !!root.querySelector('section.capture canvas[role="img"]')), 10_000, 'the captured frame');
    await saveOffered(page, 'Captured frame');

    const files = await waitForDownloads(downloads, 2);
    const png = files.find((f) => f.endsWith('.png'))!;
    const json = files.find((f) => f.endsWith('.json'))!;
    expect(png).toMatch(/^faceready-(uv|consult|id-photo)-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.png$/);
    expect(json).toBe(png.replace(/\.png$/, '.json'));

    const image = PNG.sync.read(await readFile(join(downloads, png)));
    expect([image.width, image.height]).toEqual([512, 512]);
    // A real picture, not a blank fill: the grey levels vary.
    const grey = Array.from({ length: image.width * image.height }, (_, i) => image.data[4 * i]);
    const mean = grey.reduce((a, b) => a + b, 0) / grey.length;
    expect(Math.sqrt(grey.reduce((a, b) => a + (b - mean) ** 2, 0) / grey.length)).toBeGreaterThan(20);

    const report = JSON.parse(await readFile(join(downloads, json), 'utf8'));
    expect(report).toMatchObject({ format: 'faceready-capture-report', formatVersion: 2, source: 'manual', explanation: null });
    expect(report.verdict).toEqual({ label: expect.any(String), uncertain: expect.any(Boolean), evidence: expect.any(Array) });
    expect(report).toHaveProperty('measures');
    expect(png).toContain(`faceready-${report.profile}-`);
    expect(Object.keys(report.quality.probabilities).sort()).toEqual(['blur', 'covered', 'eyeglasses', 'good', 'wrong']);
    expect(Object.values<number>(report.quality.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(typeof report.ready).toBe('boolean');
    expect(report.score).toBeGreaterThanOrEqual(0);
    expect(report.checks.length).toBeGreaterThan(0);
    for (const check of report.checks) expect(check).toEqual({ id: expect.any(String), passed: expect.toBeOneOf([true, false, null]), value: expect.anything(), score: expect.toBeOneOf([expect.any(Number), null]), threshold: expect.any(String), hint: expect.toBeOneOf([expect.any(String), null]) });
    expect(report.checks.map((c: { id: string }) => c.id)).toContain('face');
    expect(report.face.count).toBe(1);
    expect(Date.parse(report.timestamps.exportedAt)).toBeGreaterThanOrEqual(Date.parse(report.timestamps.capturedAt));
    expect(Date.now() - Date.parse(report.timestamps.capturedAt)).toBeLessThan(120_000);
    expect(report.frame).toMatchObject({ width: 640, height: 480 });
    expect(report.image).toMatchObject({ fileName: png, format: 'png', mimeType: 'image/png', width: 512, height: 512 });
    expect(report.image.alignment.target).toEqual({ size: 512, eyeDistance: 0.2, eyeLineY: 0.45 });
    expect(report.image.alignment.coverage).toBeGreaterThan(0.5);
    expect(report.models.classifier).toMatchObject({ version: classifierConfig.version, backbone: classifierConfig.backbone });
    expect(report.models.faceModels).toHaveLength(4);
    expect(report.app).toEqual({ name: 'FaceReady', version: packageJson.version });
    await rm(join(downloads, png));
    await rm(join(downloads, json));
    await page.close();
  });

  it('saves JPEG on request, and the open explanation with the capture', async () => {
    const page = await openDemo(session);
    await waitForStatus(page, /face found/i, 30_000);
    await clickOverlayButton(page, 'Capture');
    await clickOverlayButton(page, 'Explain');
    await waitInOverlay(page, (p) => inOverlay(p, (root) => [...root.querySelectorAll('button')].some((b) => b.textContent === 'Save PNG')), 90_000, 'the explanation');
    await chooseFormat(page, 'jpeg');
    await saveOffered(page, 'Captured frame');

    const files = await waitForDownloads(downloads, 3);
    const jpg = files.find((f) => f.endsWith('.jpg'))!;
    const json = files.find((f) => f.endsWith('.json'))!;
    const explanation = files.find((f) => f.endsWith('-explanation.png'))!;
    expect(jpg).toBeDefined();
    expect(explanation).toBe(jpg.replace(/\.jpg$/, '-explanation.png'));
    const meta = await sharp(join(downloads, jpg)).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 512, height: 512 });
    expect((await sharp(join(downloads, explanation)).metadata()).format).toBe('png');
    const report = JSON.parse(await readFile(join(downloads, json), 'utf8'));
    expect(report.image).toMatchObject({ fileName: jpg, format: 'jpeg', mimeType: 'image/jpeg' });
    expect(report.explanation).toEqual({ fileName: explanation, predicted: { name: expect.any(String), probability: expect.any(Number) } });
    await page.close();
  });
});
