/**
 * Issue 12's restart benchmark: how long after the offscreen document is closed from outside
 * (`chrome.offscreen.closeDocument`) the overlay shows the new engine's verdict, for a baseline build
 * (main's, built into another directory) and this build, in one run. The two take turns, one fresh
 * Chromium per close, so both meet the same load from whatever else the machine is doing.
 *
 * Per close: when the old verdict was cleared and when the overlay was live again (a MutationObserver
 * in the page timestamps every status text, so polling adds no load), and, from the new offscreen
 * document, when it started and the engine's own `faceready:` performance marks (what each build has
 * of them: main's has none), in ms after the close, with its first frame's stage times.
 *
 *   npm run build:test                      # this build, and the same in a worktree of main (its .output/chrome-mv3-test is DIR)
 *   npm run bench:restart -- --baseline DIR [--build THIS_BUILD_DIR --rounds 5 --json]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'puppeteer-core';
import { startDemoServer } from './demo-server';
import { EXTENSION_DIR, launchWithExtension } from './lib/chromium';
import { OVERLAY_HOST, overlayStatus, shadowRootOf } from './lib/overlay-root';
import { median } from '../src/stats';

const { values: args } = parseArgs({
  options: {
    baseline: { type: 'string' },
    build: { type: 'string', default: EXTENSION_DIR },
    rounds: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
  },
});
if (!args.baseline) throw new Error('--baseline DIR: a test build of main (see the comment at the top of scripts/bench-restart.ts)');
const rounds = Number(args.rounds);
// NaN or 0 rounds would measure nothing and print medians of no closes (undefined, Infinity)
if (!(Number.isInteger(rounds) && rounds >= 1)) throw new Error('--rounds takes a whole number ≥ 1');
const builds = [
  { name: 'baseline', dir: args.baseline },
  { name: 'shipped', dir: args.build },
] as const;
const log = (line: string) => (args.json ? undefined : console.log(line));
const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

const LIVE = /^(Face found|No face found)/;

interface StatusChange {
  at: number;
  text: string;
}

/** Timestamps every change of the overlay's live region in `window.__statusChanges` (wall clock, as Node's). */
async function watchStatus(page: Page): Promise<void> {
  const host = await page.$(OVERLAY_HOST);
  const root = host && (await shadowRootOf(host));
  if (!root) throw new Error('no FaceReady overlay to watch');
  // The body as a string, not a function: tsx would wrap its inner closures in a helper the page does not have.
  await root.evaluate(
    (r, body) => new Function('root', body)(r),
    `const changes = (window.__statusChanges = []);
    const read = () => {
      const text = root.querySelector('[role="status"]')?.textContent ?? '(none)';
      if (changes.at(-1)?.text !== text) changes.push({ at: Date.now(), text });
    };
    new MutationObserver(read).observe(root, { subtree: true, childList: true, characterData: true });
    read();`,
  );
  await root.dispose();
  await host!.dispose();
}

async function waitUntil<T>(read: () => Promise<T | null>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await read();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

/** When the new offscreen document started, its `faceready:` marks, in ms after `closedAt`, and its first frame's stage times (ms). */
async function offscreenTimeline(browser: Browser, closedAt: number): Promise<Record<string, number>> {
  const target = await browser.waitForTarget((t) => t.url().includes('/offscreen.html'), { timeout: 10_000 });
  const cdp = await target.createCDPSession();
  const { result } = await cdp.send('Runtime.evaluate', {
    returnByValue: true,
    expression: `(() => {
      const at = (t) => performance.timeOrigin + t;
      const out = { documentStart: at(0) };
      const firstFrame = {};
      for (const e of performance.getEntriesByType('mark')) if (e.name.startsWith('faceready:')) out[e.name.slice(10)] = at(e.startTime);
      const first = performance.getEntriesByName('faceready:first frame analysed')[0];
      if (first) for (const [stage, ms] of Object.entries(first.detail)) if (/^(decode|detector|mesh|iris|classifier|eyes|measures)Ms$/.test(stage)) firstFrame[stage] = Math.round(ms);
      return { out, firstFrame };
    })()`,
  });
  await cdp.detach();
  const { out, firstFrame } = result.value as { out: Record<string, number>; firstFrame: Record<string, number> };
  return { ...Object.fromEntries(Object.entries(out).map(([step, at]) => [step, Math.round(at - closedAt)])), ...Object.fromEntries(Object.entries(firstFrame).map(([stage, ms]) => [`first frame ${stage}`, ms])) };
}

interface CloseSample {
  build: string;
  clearedMs: number;
  liveMs: number;
  timeline: Record<string, number>;
  statuses: string[];
}

async function measureOneClose(build: (typeof builds)[number], demoUrl: string): Promise<CloseSample> {
  const { browser, worker } = await launchWithExtension({ video: 'astronaut', extensionDir: build.dir });
  try {
    const page = await browser.newPage();
    await page.goto(`${demoUrl}?autostart`);
    await waitUntil(async () => (LIVE.test((await overlayStatus(page)) ?? '') ? true : null), 90_000, `${build.name}: the first verdict`);
    // A few live frames first, so the close lands on a steadily running engine, as in a consult.
    await new Promise((r) => setTimeout(r, 2000));
    await watchStatus(page);
    const closedAt = Date.now();
    await worker.evaluate(() => (globalThis as unknown as { chrome: { offscreen: { closeDocument(): Promise<void> } } }).chrome.offscreen.closeDocument());
    const changes = () => page.evaluate(() => (window as unknown as { __statusChanges: StatusChange[] }).__statusChanges);
    const after = await waitUntil(
      async () => {
        const seen = (await changes()).filter((c) => c.at >= closedAt);
        const cleared = seen.findIndex((c) => !LIVE.test(c.text));
        const live = cleared < 0 ? -1 : seen.findIndex((c, i) => i > cleared && LIVE.test(c.text));
        return live < 0 ? null : { seen, cleared: seen[cleared].at, live: seen[live].at };
      },
      90_000,
      `${build.name}: live again after the close`,
    );
    return {
      build: build.name,
      clearedMs: after.cleared - closedAt,
      liveMs: after.live - closedAt,
      timeline: await offscreenTimeline(browser, closedAt),
      statuses: after.seen.map((c) => c.text),
    };
  } finally {
    await browser.close();
  }
}

const demo = await startDemoServer();
const loadAtStart = loadAverage();
const samples: CloseSample[] = [];
try {
  for (let round = 0; round < rounds; round++) {
    // Alternate which build goes first, so neither always follows the other's browser shutting down.
    for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
      const sample = await measureOneClose(build, demo.url);
      samples.push(sample);
      log(`round ${round + 1} ${build.name.padEnd(8)} cleared ${sample.clearedMs} ms, live ${sample.liveMs} ms  ${JSON.stringify(sample.timeline)}`);
    }
  }
} finally {
  await demo.close();
}
const loadAtEnd = loadAverage();

const summary = Object.fromEntries(
  builds.map(({ name }) => {
    const mine = samples.filter((s) => s.build === name);
    const live = mine.map((s) => s.liveMs);
    const steps = [...new Set(mine.flatMap((s) => Object.keys(s.timeline)))];
    const timeline = Object.fromEntries(steps.map((step) => [step, median(mine.map((s) => s.timeline[step]).filter((v) => v !== undefined))]));
    return [name, { closes: mine.length, liveMedianMs: median(live), liveMinMs: Math.min(...live), liveMaxMs: Math.max(...live), clearedMedianMs: median(mine.map((s) => s.clearedMs)), timelineMedianMs: timeline }];
  }),
);
const result = {
  loadAverage: { start: loadAtStart, end: loadAtEnd },
  ...summary,
  /** Baseline's median close → live ÷ this build's (above 1: this build is back sooner). */
  speedupOverBaseline: Number((summary.baseline.liveMedianMs / summary.shipped.liveMedianMs).toFixed(2)),
  samples,
};
if (args.json) console.log(JSON.stringify(result));
else {
  log(`\nclose → live again, median (min–max) over ${rounds} closes each; load average ${loadAtStart} at the start, ${loadAtEnd} at the end`);
  for (const { name } of builds) {
    const s = summary[name];
    log(`  ${name.padEnd(8)} ${s.liveMedianMs} ms (${s.liveMinMs}–${s.liveMaxMs}); old verdict cleared ${s.clearedMedianMs} ms; timeline ${JSON.stringify(s.timelineMedianMs)}`);
  }
  log(`  speedupOverBaseline ${result.speedupOverBaseline}`);
}
