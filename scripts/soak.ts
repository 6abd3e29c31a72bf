/**
 * Soak benchmark (not a test): 2,000 frames from the fake camera through the real engine of the
 * built extension in headless Chromium, one in flight at a time as the overlay sends them. Prints
 * the engine's tf.memory() (live tensors, bytes) and the offscreen document's JS heap (after a
 * forced GC) at the start (after warm-up: TF.js compiles kernels and fills caches on its first
 * frames) and at the end, and exits non-zero if tensors grew at all or the heap grew more than 10%.
 *
 *   npm run soak [-- --frames 2000 --warmup 20 --backend auto --json]
 */
import { build } from 'esbuild';
import { parseArgs } from 'node:util';
import type { CDPSession } from 'puppeteer-core';
import type { SoakMemory, SoakRun } from './bench/soak-client';
import { launchWithExtension } from './lib/chromium';

const { values: args } = parseArgs({
  options: {
    frames: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '20' },
    backend: { type: 'string', default: 'auto' },
    json: { type: 'boolean', default: false },
  },
});
const frames = Number(args.frames);
const warmup = Number(args.warmup);
/** Frames per evaluate call, so no single call nears the DevTools protocol timeout. */
const CHUNK = 50;
const MAX_HEAP_GROWTH = 0.1;

const client = await build({ entryPoints: [new URL('./bench/soak-client.ts', import.meta.url).pathname], bundle: true, format: 'iife', write: false, platform: 'browser' });
const log = (line: string) => (args.json ? undefined : console.log(line));

interface Snapshot extends SoakMemory {
  heapBytes: number;
}

const { browser, extensionId, worker } = await launchWithExtension({ video: 'astronaut' });
let exitCode = 0;
try {
  await worker.evaluate((choice) => (globalThis as unknown as { chrome: typeof Browser }).chrome.storage.local.set({ backendChoice: choice }), args.backend);
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.evaluate(client.outputFiles[0].text);
  await page.evaluate(async () => {
    const w = globalThis as unknown as { soak: unknown; startSoak(): Promise<unknown> };
    w.soak = await w.startSoak();
  });
  const offscreen: CDPSession = await (await browser.waitForTarget((t) => t.url().includes('/offscreen.html'))).createCDPSession();
  const run = (count: number) => page.evaluate((n) => (globalThis as unknown as { soak: { run(n: number): Promise<SoakRun> } }).soak.run(n), count);
  async function snapshot(): Promise<Snapshot> {
    await offscreen.send('HeapProfiler.collectGarbage');
    const { usedSize } = await offscreen.send('Runtime.getHeapUsage');
    const memory = await page.evaluate(() => (globalThis as unknown as { soak: { memory(): Promise<SoakMemory> } }).soak.memory());
    return { ...memory, heapBytes: usedSize };
  }

  const warm = await run(warmup);
  const start = await snapshot();
  const startedAt = performance.now();
  let failed = 0;
  let facesFound = 0;
  for (let done = 0; done < frames; done += CHUNK) {
    const part = await run(Math.min(CHUNK, frames - done));
    failed += part.failed;
    facesFound += part.facesFound;
    log(`  ${done + part.frames} / ${frames} frames`);
  }
  const seconds = (performance.now() - startedAt) / 1000;
  const end = await snapshot();

  const tensorGrowth = end.tensors === null || start.tensors === null ? null : end.tensors - start.tensors;
  const heapGrowth = (end.heapBytes - start.heapBytes) / start.heapBytes;
  const problems = [
    ...(tensorGrowth === null ? ['tf.memory() was not available'] : tensorGrowth > 0 ? [`tensors grew by ${tensorGrowth}`] : []),
    ...(heapGrowth > MAX_HEAP_GROWTH ? [`the JS heap grew by ${(100 * heapGrowth).toFixed(1)}% (limit ${100 * MAX_HEAP_GROWTH}%)`] : []),
    ...(failed > 0 ? [`${failed} frames failed`] : []),
  ];
  exitCode = problems.length > 0 ? 1 : 0;
  const result = { backend: warm.backend, warmup, frames, seconds, framesPerSecond: frames / seconds, failed, facesFound, start, end, tensorGrowth, heapGrowth, ok: exitCode === 0, problems };
  if (args.json) {
    console.log(JSON.stringify(result));
  } else {
    const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 2 ** 20).toFixed(2)} MB`);
    log(`FaceReady soak, headless Chromium, ${warm.backend} backend: ${frames} camera frames after ${warmup} warm-up, ${seconds.toFixed(0)} s (${(frames / seconds).toFixed(1)} frames/s; the machine may be shared), ${facesFound} with a face, ${failed} failed.`);
    log(`            tf tensors   tf bytes      JS heap (offscreen, after GC)`);
    log(`  start     ${String(start.tensors).padEnd(12)} ${mb(start.bytes).padEnd(13)} ${mb(start.heapBytes)}`);
    log(`  end       ${String(end.tensors).padEnd(12)} ${mb(end.bytes).padEnd(13)} ${mb(end.heapBytes)}`);
    log(`  growth    ${String(tensorGrowth).padEnd(12)} ${mb(end.bytes === null || start.bytes === null ? null : end.bytes - start.bytes).padEnd(13)} ${(100 * heapGrowth).toFixed(1)}%`);
    log(exitCode === 0 ? 'OK: tensors flat, heap within 10%.' : `FAILED: ${problems.join('; ')}`);
  }
} finally {
  await browser.close();
}
process.exit(exitCode);
