/**
 * The live UV gate on synthetic clips: each clip is one test photo shown for CLIP_FRAMES frames at
 * CLIP_FPS, every frame re-degraded at random as a webcam would (downscale, shift, blur, gain, noise,
 * JPEG), landmarked and run through the shipped eye detector and the live smoother; the clip is
 * "ready" if the UV profile's eye check (eyes closed) passes on any frame. Open-eye clips measure the
 * false-ready rate (goal 0); closed-eye clips how often a closed face is let through at all. The
 * frames live in .cache/eye-clips (dataset crops: never committed), their landmarks in the landmark cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { createEyeStateDetector, INITIAL_SMOOTHED_EYE_STATE, smoothEyeState, type EyeState, type EyeStateConfig } from '../../../src/model/eyes';
import type { FaceLandmarks } from '../../../src/model/face';
import { createSeededRandom } from '../../../src/random';
import { eyesAsWanted } from '../../../src/workflow/eye-check';
import { loadLandmarks } from '../landmark-cache';
import { readRgbaImage } from '../node-io';
import { wilsonInterval, type EyeLabel } from './eye-metrics';

const CLIPS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../.cache/eye-clips');
const CLIP_FRAMES = 12;
const CLIP_FPS = 5;
/** Clips per group: random open test faces, the open test faces with the lowest mean EAR (the risky ones), random closed ones. */
const GROUP_SIZES = { openRandom: 40, openNarrowest: 30, closedRandom: 30 } as const;
/** The eye gate before issue 13: a frame state (one fused threshold) held this long is reported. */
const BEFORE_HOLD_MS = 300;

export interface ClipSource {
  path: string;
  label: EyeLabel;
  face: FaceLandmarks | null;
  ears: [number, number] | null;
}

export interface UvClipReport {
  fps: number;
  framesPerClip: number;
  groups: { name: string; truth: EyeLabel; clips: number; shipped: GateOutcome; before: GateOutcome }[];
}

interface GateOutcome {
  ready: number;
  rate: number;
  ci95: [number, number];
}

const hashOf = (s: string) => createHash('sha1').update(s).digest().readUInt32BE(0);

function pickClips(test: ClipSource[]): { name: string; truth: EyeLabel; sources: ClipSource[] }[] {
  const withFace = test.filter((t) => t.face && t.ears);
  const byHash = (a: ClipSource, b: ClipSource) => hashOf(a.path) - hashOf(b.path);
  const meanEar = (t: ClipSource) => (t.ears![0] + t.ears![1]) / 2;
  const open = withFace.filter((t) => t.label === 'open');
  const narrowest = [...open].sort((a, b) => meanEar(a) - meanEar(b)).slice(0, GROUP_SIZES.openNarrowest);
  const random = open.filter((t) => !narrowest.includes(t)).sort(byHash).slice(0, GROUP_SIZES.openRandom);
  const closed = withFace.filter((t) => t.label === 'closed').sort(byHash).slice(0, GROUP_SIZES.closedRandom);
  return [
    { name: 'open eyes, random test faces', truth: 'open', sources: random },
    { name: `open eyes, the ${GROUP_SIZES.openNarrowest} test faces with the narrowest eyes`, truth: 'open', sources: narrowest },
    { name: 'closed eyes, random test faces', truth: 'closed', sources: closed },
  ];
}

/** One degraded frame of a photo, seeded by the clip and frame number. */
async function writeFrame(photo: string, seed: number, out: string): Promise<void> {
  const random = createSeededRandom(seed);
  const between = (a: number, b: number) => a + (b - a) * random.next();
  const meta = await sharp(photo).metadata();
  const scale = between(0.5, 1);
  const width = Math.max(48, Math.round(meta.width! * scale));
  const height = Math.max(48, Math.round(meta.height! * scale));
  const cropW = Math.round(width * 0.94);
  const cropH = Math.round(height * 0.94);
  let pipeline = sharp(photo)
    .resize(width, height)
    .extract({ left: Math.floor(between(0, width - cropW)), top: Math.floor(between(0, height - cropH)), width: cropW, height: cropH })
    .modulate({ brightness: between(0.75, 1.2) });
  if (random.next() < 0.5) pipeline = pipeline.blur(between(0.3, 1.2));
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  const sigma = between(0, 5);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(data[i] + sigma * random.normal())));
  const jpeg = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).jpeg({ quality: Math.round(between(40, 85)) }).toBuffer();
  writeFileSync(out, jpeg);
}

const largest = (faces: FaceLandmarks[]) => (faces.length === 0 ? null : faces.reduce((a, b) => (b.box.width * b.box.height > a.box.width * a.box.height ? b : a)));

export async function evaluateUvClips(options: {
  dataDir: string;
  test: ClipSource[];
  cascadeXml: string;
  config: EyeStateConfig;
  log: (message: string) => void;
}): Promise<UvClipReport> {
  const groups = pickClips(options.test);
  const clipDir = (g: number, source: ClipSource) => join(CLIPS_DIR, `g${g}`, source.path.replace(/[/.]/g, '_'));
  for (const [g, group] of groups.entries()) {
    for (const source of group.sources) {
      const dir = clipDir(g, source);
      mkdirSync(dir, { recursive: true });
      for (let f = 0; f < CLIP_FRAMES; f++) {
        const out = join(dir, `f${String(f).padStart(2, '0')}.jpg`);
        if (!existsSync(out)) await writeFrame(join(options.dataDir, source.path), hashOf(`${source.path}#${f}`), out);
      }
    }
  }
  options.log(`  uv clips: landmarking ${groups.reduce((a, g) => a + g.sources.length, 0) * CLIP_FRAMES} frames (cached after the first run)`);
  const landmarks = await loadLandmarks(CLIPS_DIR, { onProgress: ({ done, total }) => done % 100 === 0 && options.log(`  clip landmarks ${done}/${total}`) });
  const detector = await createEyeStateDetector({ ...options.config, cascade: options.cascadeXml });
  const out: UvClipReport['groups'] = [];
  for (const [g, group] of groups.entries()) {
    let shippedReady = 0;
    let beforeReady = 0;
    for (const source of group.sources) {
      const dir = clipDir(g, source);
      let smoothed = INITIAL_SMOOTHED_EYE_STATE;
      let before = { stable: 'uncertain' as EyeState, candidate: 'uncertain' as EyeState, since: 0 };
      let shippedPassed = false;
      let beforePassed = false;
      for (let f = 0; f < CLIP_FRAMES; f++) {
        const at = (f * 1000) / CLIP_FPS;
        const rel = `${dir.slice(CLIPS_DIR.length + 1)}/f${String(f).padStart(2, '0')}.jpg`;
        const face = largest(landmarks.get(rel) ?? []);
        const result = face ? detector.run(await readRgbaImage(join(CLIPS_DIR, rel)), face) : null;
        smoothed = smoothEyeState(smoothed, result, at);
        shippedPassed ||= eyesAsWanted(smoothed.stable, 'closed') === true;
        // before issue 13: the frame's fused state, reported once it has held 300 ms
        const state: EyeState = result?.state ?? 'uncertain';
        before = state === before.candidate ? before : { ...before, candidate: state, since: at };
        if (state !== 'uncertain' && at - before.since >= BEFORE_HOLD_MS) before = { ...before, stable: state };
        beforePassed ||= eyesAsWanted(before.stable, 'closed') === true;
      }
      shippedReady += shippedPassed ? 1 : 0;
      beforeReady += beforePassed ? 1 : 0;
    }
    const outcome = (k: number): GateOutcome => ({ ready: k, rate: k / Math.max(1, group.sources.length), ci95: wilsonInterval(k, group.sources.length) });
    out.push({ name: group.name, truth: group.truth, clips: group.sources.length, shipped: outcome(shippedReady), before: outcome(beforeReady) });
  }
  detector.dispose();
  return { fps: CLIP_FPS, framesPerClip: CLIP_FRAMES, groups: out };
}
