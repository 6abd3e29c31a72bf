/**
 * Bundled by esbuild and run inside an extension page by classifier-parity.e2e.ts: loads the
 * classifier the extension ships, on the backend asked for, and classifies the given images through
 * the same createQualityClassifier the engine uses.
 */
import { startBackend, type BackendName } from '../../../src/engine/backend';
import { fetchAsset } from '../../../src/engine/fetch-asset';
import { MODEL_PATHS } from '../../../src/engine/engine';
import { createQualityClassifier, type ClassifierConfig } from '../../../src/model/classifier';
import type { Box } from '../../../src/model/face/types';

declare const chrome: typeof Browser;

interface BrowserCase {
  name: string;
  dataUrl: string;
  faceBox?: Box;
}

async function decode(dataUrl: string): Promise<ImageData> {
  // No colour management, no premultiplication: the same bytes sharp decodes in Node.
  const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob(), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

async function classifyInBrowser(cases: BrowserCase[], backend: BackendName) {
  const url = (path: string) => chrome.runtime.getURL(`/${path}` as '/');
  const started = await startBackend([backend], url);
  const config = (await fetchAsset(url(MODEL_PATHS.classifierConfig), 'json')) as ClassifierConfig;
  const classifier = await createQualityClassifier({ model: url(MODEL_PATHS.classifier), config });
  const results: Record<string, { probabilities: Record<string, number>; pixelSum: number }> = {};
  for (const c of cases) {
    const image = await decode(c.dataUrl);
    let pixelSum = 0;
    for (let i = 0; i < image.data.length; i++) if (i % 4 !== 3) pixelSum += image.data[i];
    results[c.name] = { probabilities: (await classifier.classify(image, c.faceBox)).probabilities, pixelSum };
  }
  classifier.dispose();
  return { backend: started.name, results };
}

(globalThis as unknown as { classifyInBrowser: typeof classifyInBrowser }).classifyInBrowser = classifyInBrowser;
