import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeParityResults, PARITY_CASES, type ParityResults } from '../../scripts/lib/classifier/parity';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { readRgbaImage } from '../../scripts/lib/node-io';
import { useNodeBackend } from '../../scripts/lib/tf-node-backend';
import { CLASS_NAMES } from '../../src/model/classifier/constants';

/** The classifier in the extension (WebGL) and in Node (WASM) must agree, so preprocessing cannot drift. */
describe('classifier parity: browser WebGL vs Node', () => {
  let chromium: ExtensionBrowser;
  let node: ParityResults;
  beforeAll(async () => {
    chromium = await launchWithExtension({ video: 'astronaut' });
    await useNodeBackend('wasm');
    node = await nodeParityResults();
  });
  afterAll(async () => chromium?.browser.close());

  it('gives the same probabilities (±1e-3) on every fixture image', async () => {
    const client = await build({ entryPoints: [new URL('./clients/classifier-client.ts', import.meta.url).pathname], bundle: true, format: 'iife', write: false });
    const page = await chromium.browser.newPage();
    await page.goto(`chrome-extension://${chromium.extensionId}/popup.html`);
    await page.evaluate(client.outputFiles[0].text);
    const cases = PARITY_CASES.map((c) => ({ name: c.name, faceBox: c.faceBox, dataUrl: `data:image/png;base64,${readFileSync(c.file).toString('base64')}` }));
    const browser = await page.evaluate(
      (list, backend) => (globalThis as unknown as { classifyInBrowser: (l: unknown, b: string) => Promise<{ backend: string; results: Record<string, { probabilities: Record<string, number>; pixelSum: number }> }> }).classifyInBrowser(list, backend),
      cases,
      'webgl',
    );
    expect(browser.backend).toBe('webgl');
    for (const c of PARITY_CASES) {
      // Same decoded pixels first, so a failure below is the pipeline's, not the PNG decoder's.
      const rgba = await readRgbaImage(c.file);
      let sum = 0;
      for (let i = 0; i < rgba.data.length; i++) if (i % 4 !== 3) sum += rgba.data[i];
      expect(browser.results[c.name].pixelSum, `${c.name} pixels`).toBe(sum);
      for (const name of CLASS_NAMES) {
        expect(Math.abs(browser.results[c.name].probabilities[name] - node[c.name][name]), `${c.name} ${name}`).toBeLessThanOrEqual(1e-3);
      }
    }
  });
});
