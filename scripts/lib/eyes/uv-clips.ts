/**
 * The live UV gate on synthetic clips: each clip is one photo shown for CLIP_FRAMES frames at CLIP_FPS
 * as a webcam call would show it: a head pose, a room's light and a call's compression drawn per clip
 * (roll ±12°, a yaw-like squeeze, distance, gain 0.45–1.25, colour cast, side light, noise, JPEG
 * q 25–85), each frame jittered around them and at times out of focus or motion-blurred; landmarked
 * and run through the eye detector and the live smoother. The clip is "ready" if the UV profile's
 * eye check (eyes closed) passes on any frame. Open-eye clips measure the false-ready rate (goal 0);
 * closed-eye clips how often, and how soon, a closed face is let through. Clips are made from the
 * train split (for choosing the gate's settings) and from the test split (for reporting). The frames
 * live in .cache/eye-clips-v2 (dataset crops: never committed), their landmarks in the landmark cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { sampleBilinear, type RgbaImage } from '../../../src/image';
import { createEyeStateDetector, EYE_SMOOTHING, INITIAL_SMOOTHED_EYE_STATE, smoothEyeState, type EyeState, type EyeStateConfig, type EyeStateResult } from '../../../src/model/eyes';
import type { FaceLandmarks } from '../../../src/model/face';
import { largestFace } from '../../../src/model/measures/largest-face';
import { createSeededRandom, type SeededRandom } from '../../../src/random';
import { eyesAsWanted } from '../../../src/workflow/eye-check';
import { loadLandmarks } from '../landmark-cache';
import type { readEyeModels } from './eye-models';
import { readRgbaImage } from '../node-io';
import { wilsonInterval, type EyeLabel } from './eye-metrics';

const CLIPS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../.cache/eye-clips-v2');
const CLIP_FRAMES = 20;
const CLIP_FPS = 5;
/** Clips per group: random open faces, the open faces with the lowest mean EAR (the risky ones), random closed ones. */
const GROUP_SIZES = {
  train: { openRandom: 20, openNarrowest: 30, closedRandom: 30 },
  test: { openRandom: 40, openNarrowest: 30, closedRandom: 30 },
} as const;
/** Clips used to be this long; readiness within it is reported too. */
const SHORT_WINDOW_MS = 2400;
/** The simple gate for comparison (the rule before issue 13): the frame's state held this long is reported. */
const BEFORE_HOLD_MS = 300;

export type ClipSplit = keyof typeof GROUP_SIZES;

export interface ClipSource {
  path: string;
  label: EyeLabel;
  face: FaceLandmarks | null;
  ears: [number, number] | null;
}

export interface UvClipReport {
  split: ClipSplit;
  fps: number;
  framesPerClip: number;
  groups: { name: string; truth: EyeLabel; clips: number; shipped: GateOutcome; before: GateOutcome }[];
  /**
   * The highest mean logit of a closure that an open-eye clip reached on a frame where every other
   * condition for "closed" held (the frame closed, the hold, the share): EYE_SMOOTHING.closureLogit must lie above it.
   */
  highestOpenClosureLogit: number | null;
}

interface GateOutcome {
  /** Clips ready by the end (CLIP_FRAMES / CLIP_FPS seconds). */
  ready: number;
  /** Clips ready within the first SHORT_WINDOW_MS (the clip length before this session). */
  readyInShortWindow: number;
  rate: number;
  ci95: [number, number];
  /** Seconds from the clip's first frame to the first ready frame: median over the clips that became ready. */
  medianSecondsToReady: number | null;
}

/** One clip's frames: the detector's result per frame (null: no face found). */
export interface ClipFrames {
  source: ClipSource;
  frames: (EyeStateResult | null)[];
}

const hashOf = (s: string) => createHash('sha1').update(s).digest().readUInt32BE(0);

function pickClips(sources: ClipSource[], split: ClipSplit): { name: string; truth: EyeLabel; sources: ClipSource[] }[] {
  const sizes = GROUP_SIZES[split];
  const withFace = sources.filter((t) => t.face && t.ears);
  const byHash = (a: ClipSource, b: ClipSource) => hashOf(a.path) - hashOf(b.path);
  const meanEar = (t: ClipSource) => (t.ears![0] + t.ears![1]) / 2;
  const open = withFace.filter((t) => t.label === 'open');
  const narrowest = [...open].sort((a, b) => meanEar(a) - meanEar(b)).slice(0, sizes.openNarrowest);
  const random = open.filter((t) => !narrowest.includes(t)).sort(byHash).slice(0, sizes.openRandom);
  const closed = withFace.filter((t) => t.label === 'closed').sort(byHash).slice(0, sizes.closedRandom);
  return [
    { name: `open eyes, random ${split} faces`, truth: 'open', sources: random },
    { name: `open eyes, the ${sizes.openNarrowest} ${split} faces with the narrowest eyes`, truth: 'open', sources: narrowest },
    { name: `closed eyes, random ${split} faces`, truth: 'closed', sources: closed },
  ];
}

/** How one clip looks: a camera, a room and a head pose, fixed for the clip; each frame jitters around it. */
interface ClipLook {
  /** Head roll, degrees. */
  rollDeg: number;
  /** Horizontal squeeze, a crude stand-in for a head turned away (yaw): 1 = frontal. */
  squeeze: number;
  /** Downscale of the photo (distance to the camera, the call's resolution). */
  scale: number;
  /** Overall gain (dim room ↔ bright), and a colour cast (white balance) per channel. */
  gain: number;
  cast: [number, number, number];
  /** Light from one side: the far side is darkened by up to this share. */
  sideLight: number;
  /** Sensor noise σ at full gain; dim frames get more. */
  noise: number;
  /** JPEG quality of the call's encoder. */
  jpegQuality: number;
}

function clipLook(random: SeededRandom): ClipLook {
  const between = (a: number, b: number) => a + (b - a) * random.next();
  return {
    rollDeg: between(-12, 12),
    squeeze: between(0.8, 1),
    scale: between(0.35, 1),
    gain: between(0.45, 1.25),
    cast: [between(0.85, 1.15), between(0.9, 1.1), between(0.85, 1.15)],
    sideLight: random.next() < 0.5 ? between(0.1, 0.5) * (random.next() < 0.5 ? -1 : 1) : 0,
    noise: between(1, 6),
    jpegQuality: Math.round(between(25, 85)),
  };
}

/**
 * One frame of a clip: the photo warped (roll, squeeze, scale, a small shift, each jittered per frame
 * as a head and a hand-held camera move), lit (gain, colour cast, side light), with sensor noise, at
 * times out of focus or motion-blurred, then JPEG-compressed.
 */
async function writeFrame(photo: RgbaImage, look: ClipLook, random: SeededRandom, out: string): Promise<void> {
  const between = (a: number, b: number) => a + (b - a) * random.next();
  const roll = ((look.rollDeg + between(-2, 2)) * Math.PI) / 180;
  const scale = look.scale * between(0.95, 1.05);
  const squeeze = Math.min(1, look.squeeze * between(0.97, 1.03));
  const gain = look.gain * between(0.93, 1.07);
  const width = Math.max(48, Math.round(photo.width * scale));
  const height = Math.max(48, Math.round(photo.height * scale));
  const shift = { x: between(-0.04, 0.04) * photo.width, y: between(-0.04, 0.04) * photo.height };
  const cos = Math.cos(roll);
  const sin = Math.sin(roll);
  const noise = look.noise / Math.min(1, gain);
  const data = Buffer.alloc(width * height * 3);
  const rgb = [0, 0, 0];
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      // output pixel → photo pixel: undo scale, roll and squeeze about the centres
      const dx = (u - width / 2) / scale;
      const dy = (v - height / 2) / scale;
      const x = (cos * dx + sin * dy) / squeeze + photo.width / 2 + shift.x;
      const y = -sin * dx + cos * dy + photo.height / 2 + shift.y;
      sampleBilinear(photo, x, y, 3, rgb);
      const side = 1 - Math.abs(look.sideLight) * (look.sideLight > 0 ? u / width : 1 - u / width);
      for (let c = 0; c < 3; c++) data[(v * width + u) * 3 + c] = Math.max(0, Math.min(255, Math.round(rgb[c] * gain * look.cast[c] * side + noise * random.normal())));
    }
  }
  let pipeline = sharp(data, { raw: { width, height, channels: 3 } });
  const blur = random.next();
  if (blur < 0.35) pipeline = pipeline.blur(between(0.3, 1.5));
  else if (blur < 0.5) {
    // horizontal motion blur over 3–7 px (sharp's kernels are at least 3×3: the middle row only)
    const length = 2 * Math.floor(between(1, 4)) + 1;
    const kernel = Array.from({ length: 3 * length }, (_, k) => (Math.floor(k / length) === 1 ? 1 / length : 0));
    pipeline = pipeline.convolve({ width: length, height: 3, kernel });
  }
  writeFileSync(out, await pipeline.jpeg({ quality: Math.round(Math.min(95, Math.max(15, look.jpegQuality + between(-5, 5)))) }).toBuffer());
}

/**
 * The clips of one split, made (once) and landmarked (once), each frame run through the eye detector
 * with `config`: per group, per clip, the frames' results.
 */
export async function clipFramesOf(options: {
  dataDir: string;
  sources: ClipSource[];
  split: ClipSplit;
  models: ReturnType<typeof readEyeModels>;
  config: EyeStateConfig;
  log: (message: string) => void;
}): Promise<{ name: string; truth: EyeLabel; clips: ClipFrames[] }[]> {
  const groups = pickClips(options.sources, options.split);
  const clipDir = (g: number, source: ClipSource) => join(CLIPS_DIR, options.split, `g${g}`, source.path.replace(/[/.]/g, '_'));
  const frameName = (f: number) => `f${String(f).padStart(2, '0')}.jpg`;
  for (const [g, group] of groups.entries()) {
    for (const source of group.sources) {
      const dir = clipDir(g, source);
      if (existsSync(join(dir, frameName(CLIP_FRAMES - 1)))) continue;
      mkdirSync(dir, { recursive: true });
      const photo = await readRgbaImage(join(options.dataDir, source.path));
      const random = createSeededRandom(hashOf(`${options.split}/${source.path}`));
      const look = clipLook(random);
      for (let f = 0; f < CLIP_FRAMES; f++) await writeFrame(photo, look, random, join(dir, frameName(f)));
    }
  }
  options.log(`  uv clips (${options.split}): landmarking ${groups.reduce((a, g) => a + g.sources.length, 0) * CLIP_FRAMES} frames (cached after the first run)`);
  const landmarks = await loadLandmarks(CLIPS_DIR, { onProgress: ({ done, total }) => done % 100 === 0 && options.log(`  clip landmarks ${done}/${total}`) });
  const detector = await createEyeStateDetector({ ...options.config, ...options.models });
  const out = [];
  for (const [g, group] of groups.entries()) {
    const clips: ClipFrames[] = [];
    for (const source of group.sources) {
      const frames: (EyeStateResult | null)[] = [];
      for (let f = 0; f < CLIP_FRAMES; f++) {
        const rel = `${options.split}/g${g}/${source.path.replace(/[/.]/g, '_')}/${frameName(f)}`;
        const face = largestFace(landmarks.get(rel) ?? []);
        frames.push(face ? detector.run(await readRgbaImage(join(CLIPS_DIR, rel)), face) : null);
      }
      clips.push({ source, frames });
    }
    out.push({ name: group.name, truth: group.truth, clips });
  }
  detector.dispose();
  return out;
}

/** When (ms from its start) a clip first passes the UV profile's eye check: live smoother, and the frame state held 300 ms; null if never. */
export function readyAtMs(frames: (EyeStateResult | null)[]): { shipped: number | null; before: number | null } {
  let smoothed = INITIAL_SMOOTHED_EYE_STATE;
  let before = { stable: 'uncertain' as EyeState, candidate: 'uncertain' as EyeState, since: 0 };
  let shipped: number | null = null;
  let beforeAt: number | null = null;
  for (const [f, result] of frames.entries()) {
    const at = (f * 1000) / CLIP_FPS;
    smoothed = smoothEyeState(smoothed, result, at);
    if (shipped === null && eyesAsWanted(smoothed.stable, 'closed') === true) shipped = at;
    // the simple gate: the frame's state, reported once it has held 300 ms
    const state: EyeState = result?.state ?? 'uncertain';
    before = state === before.candidate ? before : { ...before, candidate: state, since: at };
    if (state !== 'uncertain' && at - before.since >= BEFORE_HOLD_MS) before = { ...before, stable: state };
    if (beforeAt === null && eyesAsWanted(before.stable, 'closed') === true) beforeAt = at;
  }
  return { shipped, before: beforeAt };
}

/** The highest mean logit of a closure on a frame that would report "closed" but for the logit margin; null if none. */
function closureLogitReached(frames: (EyeStateResult | null)[]): number | null {
  let smoothed = INITIAL_SMOOTHED_EYE_STATE;
  let highest: number | null = null;
  for (const [f, result] of frames.entries()) {
    const at = (f * 1000) / CLIP_FPS;
    smoothed = smoothEyeState(smoothed, result, at);
    const c = smoothed.closure;
    const couldReport = smoothed.candidate === 'closed' && c && at - c.sinceMs >= EYE_SMOOTHING.closedHoldMs && c.closedFrames >= EYE_SMOOTHING.minClosedShare * c.frames;
    if (couldReport) highest = Math.max(highest ?? -Infinity, c.closedLogitSum / c.closedFrames);
  }
  return highest;
}

export async function evaluateUvClips(options: Parameters<typeof clipFramesOf>[0]): Promise<UvClipReport> {
  const groups = await clipFramesOf(options);
  const outcome = (times: (number | null)[]): GateOutcome => {
    const ready = times.filter((t): t is number => t !== null).sort((a, b) => a - b);
    return {
      ready: ready.length,
      readyInShortWindow: ready.filter((t) => t < SHORT_WINDOW_MS).length,
      rate: ready.length / Math.max(1, times.length),
      ci95: wilsonInterval(ready.length, times.length),
      medianSecondsToReady: ready.length ? ready[Math.floor((ready.length - 1) / 2)] / 1000 : null,
    };
  };
  const openClosures = groups
    .filter((g) => g.truth === 'open')
    .flatMap((g) => g.clips.map((c) => closureLogitReached(c.frames)))
    .filter((v): v is number => v !== null);
  return {
    split: options.split,
    highestOpenClosureLogit: openClosures.length ? Math.max(...openClosures) : null,
    fps: CLIP_FPS,
    framesPerClip: CLIP_FRAMES,
    groups: groups.map((g) => {
      const times = g.clips.map((c) => readyAtMs(c.frames));
      return { name: g.name, truth: g.truth, clips: g.clips.length, shipped: outcome(times.map((t) => t.shipped)), before: outcome(times.map((t) => t.before)) };
    }),
  };
}
