/**
 * Per-frame timings of the live pipeline in headless Chromium (the built extension, SwiftShader
 * WebGL): page-side encoding, transport to the offscreen engine, decode, detector, mesh, iris,
 * classifier and eye check —
 * per backend and per frame encoding, with the ratios between them measured in the same run.
 *
 *   npm run bench:pipeline [-- --frames 30 --backends wasm,webgl,cpu --json]
 */
import { build } from 'esbuild';
import sharp from 'sharp';
import { parseArgs } from 'node:util';
import type { PipelineRun, PipelineSample } from './bench/pipeline-client';
import { launchWithExtension } from './lib/chromium';
import { CAMERA_FIXTURES, FIXTURE_VIDEO_SIZE } from '../test/fixtures/fixtures';
import type { FrameEncoding } from '../src/capture/encode-frame';

const { values: args } = parseArgs({
  options: {
    frames: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    backends: { type: 'string', default: 'wasm,webgl' },
    json: { type: 'boolean', default: false },
  },
});
const frames = Number(args.frames);
const warmup = Number(args.warmup);
const encodings: FrameEncoding[] = ['jpeg', 'rgba'];

const client = await build({ entryPoints: [new URL('./bench/pipeline-client.ts', import.meta.url).pathname], bundle: true, format: 'iife', write: false, platform: 'browser' });
const clientCode = client.outputFiles[0].text;
const astronaut = CAMERA_FIXTURES.find((f) => f.name === 'astronaut')!;
const png = await sharp(astronaut.source).resize(FIXTURE_VIDEO_SIZE.width, FIXTURE_VIDEO_SIZE.height, { fit: 'contain', background: '#404040' }).png().toBuffer();
const imageUrl = `data:image/png;base64,${png.toString('base64')}`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

type Row = { backend: string; encoding: FrameEncoding; readyMs: number; faces: number } & Record<
  'pageBlockMs' | 'encodeMs' | 'kilobytes' | 'transportMs' | 'decodeMs' | 'detectorMs' | 'meshMs' | 'irisMs' | 'classifierMs' | 'eyesMs' | 'engineMs' | 'roundTripMs',
  number
>;

function summarise(run: PipelineRun, encoding: FrameEncoding): Row {
  const samples = run.samples.filter((s) => s.encoding === encoding);
  const m = (pick: (s: PipelineSample) => number) => median(samples.map(pick));
  return {
    backend: run.backend,
    encoding,
    readyMs: run.readyMs,
    faces: m((s) => s.faces),
    pageBlockMs: m((s) => s.blockMs),
    encodeMs: m((s) => s.encodeMs),
    kilobytes: m((s) => s.bytes) / 1024,
    transportMs: m((s) => s.timings.transportMs),
    decodeMs: m((s) => s.timings.decodeMs),
    detectorMs: m((s) => s.timings.detectorMs),
    meshMs: m((s) => s.timings.meshMs),
    irisMs: m((s) => s.timings.irisMs),
    classifierMs: m((s) => s.timings.classifierMs),
    eyesMs: m((s) => s.timings.eyesMs),
    engineMs: m((s) => s.timings.decodeMs + s.timings.detectorMs + s.timings.meshMs + s.timings.irisMs + s.timings.classifierMs + s.timings.eyesMs),
    roundTripMs: m((s) => s.roundTripMs),
  };
}

const rows: Row[] = [];
for (const backend of args.backends.split(',')) {
  const { browser, extensionId, worker } = await launchWithExtension({ video: 'astronaut' });
  try {
    // Set before the engine exists, so the first offscreen document already uses this backend.
    await worker.evaluate((choice) => (globalThis as unknown as { chrome: typeof Browser }).chrome.storage.local.set({ backendChoice: choice }), backend);
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.evaluate(clientCode);
    const run = await page.evaluate(
      (url, enc, n, w) => (globalThis as unknown as { benchPipeline: (...a: unknown[]) => Promise<PipelineRun> }).benchPipeline(url, enc, n, w),
      imageUrl,
      encodings,
      frames,
      warmup,
    );
    if (run.backend !== backend) throw new Error(`asked for ${backend}, the engine started ${run.backend}`);
    for (const encoding of encodings) rows.push(summarise(run, encoding));
  } finally {
    await browser.close();
  }
}

const find = (backend: string, encoding: FrameEncoding) => rows.find((r) => r.backend === backend && r.encoding === encoding);
const ratios: Record<string, number> = {};
const jpegWasm = find('wasm', 'jpeg');
const jpegWebgl = find('webgl', 'jpeg');
if (jpegWasm && jpegWebgl) {
  ratios['webgl÷wasm engine time per frame'] = jpegWebgl.engineMs / jpegWasm.engineMs;
  ratios['webgl÷wasm time to ready'] = jpegWebgl.readyMs / jpegWasm.readyMs;
}
for (const backend of new Set(rows.map((r) => r.backend))) {
  const jpeg = find(backend, 'jpeg');
  const rgba = find(backend, 'rgba');
  if (jpeg && rgba) {
    ratios[`${backend}: rgba÷jpeg page block`] = rgba.pageBlockMs / jpeg.pageBlockMs;
    ratios[`${backend}: rgba÷jpeg transport+decode`] = (rgba.transportMs + rgba.decodeMs) / (jpeg.transportMs + jpeg.decodeMs);
  }
}

if (args.json) {
  console.log(JSON.stringify({ frames, warmup, image: '640×480 astronaut fixture', rows, ratios }));
} else {
  console.log(`FaceReady pipeline, headless Chromium, ${frames} frames (after ${warmup} warm-up) of the 640×480 astronaut fixture; medians in ms.\n`);
  const cols = ['backend', 'encoding', 'readyMs', 'pageBlockMs', 'encodeMs', 'kilobytes', 'transportMs', 'decodeMs', 'detectorMs', 'meshMs', 'irisMs', 'classifierMs', 'eyesMs', 'engineMs', 'roundTripMs', 'faces'] as const;
  console.log(cols.join('\t'));
  for (const r of rows) console.log(cols.map((c) => (typeof r[c] === 'number' ? (r[c] as number).toFixed(1) : r[c])).join('\t'));
  console.log('');
  for (const [name, value] of Object.entries(ratios)) console.log(`${name}: ${value.toFixed(2)}`);
}
