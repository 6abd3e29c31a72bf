/**
 * Issue 15's benchmark: the live pipeline before and after, in one run, on the same frames, in
 * headless Chromium with the built extension (WASM backend).
 *
 * Baseline = the pipeline before issue 15: detector on every frame, Haar eye cascade on every face,
 * one WASM thread, JPEG frames. Shipped = the offscreen engine as the overlay uses it: faces tracked,
 * the cascade only when the landmarks are ambiguous, threaded WASM where the document is cross-origin
 * isolated, the overlay's frame encoding. The two take turns frame by frame, so both meet the same
 * load from whatever else the machine is doing (scripts/bench/pipeline-client.ts).
 *
 * Clips: the astronaut, centred-astronaut and coffee (no face) fixtures as still clips, and a
 * synthetic moving-face clip (the astronaut shifted ±60/±30 px and scaled 0.9–1.1 along smooth cycles).
 * Per clip: mean engine ms per frame of both, speedupOverBaseline (baseline ÷ shipped), shipped frames
 * per second, how often the shipped detector ran, and how far the tracked landmarks are from
 * detect-every-frame ones (mean point distance in inter-ocular distances), with verdict and eye-state
 * agreement.
 *
 * `--same-pipeline` is a control: the baseline engine gets the shipped configuration (still in the bench
 * page), so speedupOverBaseline then measures what the offscreen document itself costs (page ms ÷ offscreen ms).
 *
 *   npm run bench:pipeline [-- --frames 30 --json --same-pipeline]
 */
import { build } from 'esbuild';
import sharp from 'sharp';
import { parseArgs } from 'node:util';
import type { ClipSample, ClipSpec, CompareRun, EngineSample } from './bench/pipeline-client';
import { launchWithExtension } from './lib/chromium';
import { CAMERA_FIXTURES, FIXTURE_VIDEO_SIZE } from '../test/fixtures/fixtures';
import { OVERLAY_FRAME_ENCODING } from '../src/capture/encode-frame';
import type { FrameAnalysis } from '../src/protocol/messages';
import { median } from '../src/stats';

const { values: args } = parseArgs({
  options: {
    frames: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
    'same-pipeline': { type: 'boolean', default: false },
  },
});
const frames = Number(args.frames);
const warmup = Number(args.warmup);
const samePipeline = args['same-pipeline'];
/** The clip speedupOverBaseline and the shipped fps are quoted for (the clip, now moving). */
const HEADLINE_CLIP = 'astronaut-moving';

const client = await build({ entryPoints: [new URL('./bench/pipeline-client.ts', import.meta.url).pathname], bundle: true, format: 'iife', write: false, platform: 'browser' });
const clientCode = client.outputFiles[0].text;

async function fixtureUrl(name: string): Promise<string> {
  const fixture = CAMERA_FIXTURES.find((f) => f.name === name)!;
  let image = sharp(fixture.source);
  if (fixture.crop) image = image.extract(fixture.crop);
  const png = await image.resize(FIXTURE_VIDEO_SIZE.width, FIXTURE_VIDEO_SIZE.height, { fit: 'contain', background: '#404040' }).png().toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

const astronaut = await fixtureUrl('astronaut');
const clips: ClipSpec[] = [
  { name: 'warm-up', imageUrl: astronaut, frames: warmup, moving: true },
  { name: 'astronaut-moving', imageUrl: astronaut, frames, moving: true },
  { name: 'astronaut', imageUrl: astronaut, frames, moving: false },
  { name: 'astronaut-centred', imageUrl: await fixtureUrl('astronaut-centred'), frames, moving: false },
  { name: 'coffee', imageUrl: await fixtureUrl('coffee'), frames, moving: false },
];

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

const STAGES = ['decodeMs', 'detectorMs', 'meshMs', 'irisMs', 'classifierMs', 'eyesMs', 'measuresMs'] as const;

/** Mean per-frame figures of one engine over a clip (means, so the detector's periodic frames count in full). */
function engineFigures(samples: EngineSample[]) {
  const stage = (key: (typeof STAGES)[number]) => round(mean(samples.map((s) => s.analysis.timings[key])));
  return {
    engineMs: round(mean(samples.map((s) => s.engineMs))),
    roundTripMs: round(mean(samples.map((s) => s.roundTripMs))),
    ...Object.fromEntries(STAGES.map((key) => [key, stage(key)])),
    // What no stage times: the frame's tensor, face summaries, messages, waiting for the thread to be scheduled.
    otherMs: round(mean(samples.map((s) => s.engineMs - STAGES.reduce((sum, key) => sum + s.analysis.timings[key], 0)))),
    transportMs: round(mean(samples.map((s) => s.analysis.timings.transportMs))),
    pageBlockMs: round(median(samples.map((s) => s.blockMs)), 3),
    pageBlockMaxMs: round(Math.max(...samples.map((s) => s.blockMs)), 3),
    kilobytes: round(mean(samples.map((s) => s.bytes)) / 1024, 1),
    detectorRunRate: round(samples.filter((s) => s.analysis.timings.detectorMs > 0).length / samples.length, 3),
    cascadeRunRate: round(samples.filter((s) => s.analysis.eyes?.cascadeRan).length / Math.max(1, samples.filter((s) => s.analysis.eyes).length), 3),
  };
}

/** Mean distance between the two engines' 468 mesh points, in the baseline face's inter-ocular distances (outer eye corners 33, 263). */
function landmarkDrift(baseline: FrameAnalysis, shipped: FrameAnalysis): number | null {
  const [a] = baseline.faces;
  const [b] = shipped.faces;
  if (!a || !b) return null;
  const interOcular = Math.hypot(a.mesh[263][0] - a.mesh[33][0], a.mesh[263][1] - a.mesh[33][1]);
  return mean(a.mesh.map((p, i) => Math.hypot(p[0] - b.mesh[i][0], p[1] - b.mesh[i][1]))) / interOcular;
}

function clipFigures(samples: ClipSample[]) {
  const baseline = engineFigures(samples.map((s) => s.baseline));
  const shipped = engineFigures(samples.map((s) => s.shipped));
  const drifts = samples.map((s) => landmarkDrift(s.baseline.analysis, s.shipped.analysis)).filter((d): d is number => d !== null);
  const agree = (pick: (a: FrameAnalysis) => unknown) => round(samples.filter((s) => pick(s.baseline.analysis) === pick(s.shipped.analysis)).length / samples.length, 3);
  return {
    frames: samples.length,
    speedupOverBaseline: round(baseline.engineMs / shipped.engineMs),
    shippedFps: round(1000 / shipped.roundTripMs, 1),
    shippedEngineFps: round(1000 / shipped.engineMs, 1),
    baseline,
    shipped,
    landmarkDrift: { framesWithFaceInBoth: drifts.length, median: drifts.length > 0 ? round(median(drifts), 4) : null, max: round(Math.max(...drifts, 0), 4) },
    agreement: {
      faceCount: agree((a) => a.faces.length),
      verdict: agree((a) => a.verdict.label),
      classifierLabel: agree((a) => a.quality.label),
      eyeState: agree((a) => a.eyes?.state ?? 'not checked'),
    },
  };
}

const { browser, extensionId, worker } = await launchWithExtension({ video: 'astronaut' });
let run: CompareRun;
try {
  // Set before the engine exists, so the offscreen document starts on WASM (auto would too on SwiftShader).
  await worker.evaluate(() => (globalThis as unknown as { chrome: typeof Browser }).chrome.storage.local.set({ backendChoice: 'wasm' }));
  const page = await browser.newPage();
  page.setDefaultTimeout(0);
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.evaluate(clientCode);
  run = await page.evaluate(
    (specs, encoding, same) => (globalThis as unknown as { benchCompare: (...a: unknown[]) => Promise<CompareRun> }).benchCompare(specs, encoding, same),
    clips,
    OVERLAY_FRAME_ENCODING,
    samePipeline,
  );
} finally {
  await browser.close();
}

const perClip = Object.fromEntries(run.clips.filter((c) => c.name !== 'warm-up').map((c) => [c.name, clipFigures(c.samples)]));
const headline = perClip[HEADLINE_CLIP];
const result = {
  machine: `${(await import('node:os')).cpus().length} cores, shared with other jobs: absolute ms are inflated, ratios are from one run`,
  frames,
  warmup,
  baseline: samePipeline ? 'control: the shipped pipeline in the bench page' : 'the pipeline before issue 15, in the bench page',
  baselineBackend: run.baselineBackend,
  shippedBackend: run.shippedBackend,
  shippedEncoding: OVERLAY_FRAME_ENCODING,
  headlineClip: HEADLINE_CLIP,
  speedupOverBaseline: headline.speedupOverBaseline,
  shippedFps: headline.shippedFps,
  clips: perClip,
};

if (args.json) console.log(JSON.stringify(result));
else {
  console.log(`FaceReady live pipeline, baseline vs shipped, ${frames} frames per clip (after ${warmup} warm-up), means per frame in ms; ${result.machine}.`);
  console.log(`baseline: ${run.baselineBackend}, ${samePipeline ? 'control: the shipped pipeline in the bench page' : 'detector every frame, Haar always, JPEG'}; shipped: ${run.shippedBackend}, tracking, Haar when ambiguous, ${OVERLAY_FRAME_ENCODING}.\n`);
  const cols = ['engineMs', 'roundTripMs', ...STAGES, 'otherMs', 'transportMs', 'pageBlockMs', 'kilobytes', 'detectorRunRate', 'cascadeRunRate'] as const;
  console.log(['clip', 'engine', ...cols].join('\t'));
  for (const [name, clip] of Object.entries(perClip)) {
    for (const which of ['baseline', 'shipped'] as const) console.log([name, which, ...cols.map((c) => (clip[which] as Record<string, number>)[c])].join('\t'));
  }
  console.log('');
  for (const [name, clip] of Object.entries(perClip)) {
    console.log(
      `${name}: speedupOverBaseline ${clip.speedupOverBaseline}, shipped ${clip.shippedFps} fps (round trip; engine alone ${clip.shippedEngineFps}), ` +
        `landmark drift median ${clip.landmarkDrift.median} max ${clip.landmarkDrift.max} IOD (${clip.landmarkDrift.framesWithFaceInBoth} frames), ` +
        `agreement verdict ${clip.agreement.verdict} classifier ${clip.agreement.classifierLabel} eyes ${clip.agreement.eyeState} faces ${clip.agreement.faceCount}`,
    );
  }
  console.log(`\nspeedupOverBaseline (${HEADLINE_CLIP}): ${result.speedupOverBaseline}; shipped fps: ${result.shippedFps}`);
}
