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
import {
  createEyeStateDetector,
  EYE_SMOOTHING,
  closureEvidence,
  INITIAL_SMOOTHED_EYE_STATE,
  smoothEyeState,
  type SmoothedEyeState,
  type EyeSmoothingConfig,
  type EyeState,
  type EyeStateConfig,
  type EyeStateResult,
} from '../../../src/model/eyes';
import type { FaceLandmarks } from '../../../src/model/face';
import { largestFace } from '../../../src/model/measures/largest-face';
import { createSeededRandom } from '../../../src/random';
import { eyesAsWanted } from '../../../src/workflow/eye-check';
import { loadLandmarks } from '../landmark-cache';
import type { readEyeModels } from './eye-models';
import { readRgbaImage } from '../node-io';
import { wilsonInterval, type EyeLabel } from './eye-metrics';
import { clipLook, degradeFrame } from './video-look';

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
/** Frames of an open clip that a blink replaces (at 5 fps: 200–400 ms blinks about every 1.4 s, more often than people blink). */
const BLINK_FRAMES = [3, 4, 10, 17, 18];

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
  /** Each closed-eye clip that did not become ready, with the check that held it back (closedClipBlocker). */
  closedNotReady: { path: string; blocker: ClipBlocker }[];
  /**
   * Open-eye clips with blinks (observation level): frames BLINK_FRAMES replaced by the most
   * closed-looking frame of the split's closed clips, as a blink caught by the camera reads.
   */
  blinks: { clips: number; blinkFrames: number; ready: number; ci95: [number, number] };
  /**
   * A closed clip that became ready, followed by the frames of a narrow-eyed open clip (observation
   * level: the eyes open, reading unsure or even closed rather than open): how long "closed" is still
   * reported after they open.
   */
  eyesOpenAfterClosure: { sequences: number; stillClosedAfterOpening: number; worstMs: number; totalMs: number };
  /**
   * The highest closure logit (closureEvidence) that an open-eye clip, or the same clip with blinks,
   * reached on a frame where every other condition for "closed" held (the frame closed, the hold, the
   * share): EYE_SMOOTHING.closureLogit must lie above it.
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
      for (let f = 0; f < CLIP_FRAMES; f++) writeFileSync(join(dir, frameName(f)), (await degradeFrame(photo, look, random)).jpeg);
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

/**
 * The highest logit of a closure's window (closureEvidence) on a frame where everything else for
 * "closed" held (the frame confidently closed, the hold, the share), the smoother never reporting; null if none.
 */
function closureLogitReached(frames: (EyeStateResult | null)[]): number | null {
  const neverReporting = { ...EYE_SMOOTHING, closureLogit: Infinity };
  let smoothed = INITIAL_SMOOTHED_EYE_STATE;
  let highest: number | null = null;
  for (const [f, result] of frames.entries()) {
    const at = (f * 1000) / CLIP_FPS;
    smoothed = smoothEyeState(smoothed, result, at, neverReporting);
    const logit = closureHeldWithoutMargin(smoothed, at, EYE_SMOOTHING);
    if (logit !== null) highest = Math.max(highest ?? -Infinity, logit);
  }
  return highest;
}

/** The closure window's logit (closureEvidence) when this frame would report "closed" but for the logit margin; else null. */
function closureHeldWithoutMargin(smoothed: SmoothedEyeState, atMs: number, config: EyeSmoothingConfig): number | null {
  const c = smoothed.closure;
  if (smoothed.candidate !== 'closed' || !c || atMs - c.sinceMs < config.closedHoldMs) return null;
  const { closedShare, closedLogit } = closureEvidence(c);
  return closedShare >= config.minClosedShare ? closedLogit : null;
}

export async function evaluateUvClips(options: Parameters<typeof clipFramesOf>[0]): Promise<UvClipReport> {
  return uvClipReport(options.split, await clipFramesOf(options), options.config);
}

/** The report of one split's clips from the detector's results per frame (pure: replays need no images). */
export function uvClipReport(split: ClipSplit, groups: { name: string; truth: EyeLabel; clips: ClipFrames[] }[], config: EyeStateConfig): UvClipReport {
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
  const closedGroup = groups.find((g) => g.truth === 'closed')!;
  const openGroups = groups.filter((g) => g.truth === 'open');
  const closedNotReady = closedGroup.clips.flatMap((c) => {
    const blocker = closedClipBlocker(c.frames, config);
    return blocker ? [{ path: c.source.path, blocker }] : [];
  });
  const blinks = blinkOutcome(openGroups.flatMap((g) => g.clips), closedGroup.clips);
  const eyesOpenAfterClosure = openingAfterClosure(closedGroup.clips, openGroups.at(-1)!.clips);
  const blink = blinkFrame(closedGroup.clips);
  const openClosures = openGroups
    .flatMap((g) => g.clips.flatMap((c) => [closureLogitReached(c.frames), closureLogitReached(withBlinks(c.frames, blink))]))
    .filter((v): v is number => v !== null);
  return {
    split,
    highestOpenClosureLogit: openClosures.length ? Math.max(...openClosures) : null,
    fps: CLIP_FPS,
    framesPerClip: CLIP_FRAMES,
    groups: groups.map((g) => {
      const times = g.clips.map((c) => readyAtMs(c.frames));
      return { name: g.name, truth: g.truth, clips: g.clips.length, shipped: outcome(times.map((t) => t.shipped)), before: outcome(times.map((t) => t.before)) };
    }),
    closedNotReady,
    blinks,
    eyesOpenAfterClosure,
  };
}

/** The closed clips' most closed-looking confident frame: what a blink caught by the camera reads as, at worst. */
function blinkFrame(closedClips: ClipFrames[]): EyeStateResult | null {
  return closedClips
    .flatMap((c) => c.frames)
    .filter((r): r is EyeStateResult => r !== null && r.confidentlyClosed)
    .reduce<EyeStateResult | null>((best, r) => (best === null || r.closedLogit > best.closedLogit ? r : best), null);
}

const withBlinks = (frames: (EyeStateResult | null)[], blink: EyeStateResult | null) => (blink ? frames.map((r, f) => (BLINK_FRAMES.includes(f) ? blink : r)) : frames);

/** Open clips with BLINK_FRAMES replaced by the closed clips' most closed-looking frame: how many become ready (goal 0). */
function blinkOutcome(openClips: ClipFrames[], closedClips: ClipFrames[]): UvClipReport['blinks'] {
  const blink = blinkFrame(closedClips);
  const ready = openClips.filter((c) => readyAtMs(withBlinks(c.frames, blink)).shipped !== null).length;
  return { clips: openClips.length, blinkFrames: BLINK_FRAMES.length, ready, ci95: wilsonInterval(ready, openClips.length) };
}

/** Each closed clip, then the frames of a narrow-eyed open clip (paired in turn): how long "closed" outlives the opening. */
function openingAfterClosure(closedClips: ClipFrames[], narrowOpenClips: ClipFrames[]): UvClipReport['eyesOpenAfterClosure'] {
  let sequences = 0;
  let stillClosedAfterOpening = 0;
  let worstMs = 0;
  let totalMs = 0;
  for (const [k, closed] of closedClips.entries()) {
    if (readyAtMs(closed.frames).shipped === null) continue;
    sequences++;
    let smoothed = INITIAL_SMOOTHED_EYE_STATE;
    let lastClosedAt: number | null = null;
    const frames = [...closed.frames, ...narrowOpenClips[k % narrowOpenClips.length].frames];
    for (const [f, result] of frames.entries()) {
      smoothed = smoothEyeState(smoothed, result, (f * 1000) / CLIP_FPS);
      if (f >= closed.frames.length && smoothed.stable === 'closed') lastClosedAt = (f * 1000) / CLIP_FPS;
    }
    if (lastClosedAt === null) continue;
    // reported closed until the frame after lastClosedAt
    const ms = lastClosedAt + 1000 / CLIP_FPS - (closed.frames.length * 1000) / CLIP_FPS;
    stillClosedAfterOpening++;
    worstMs = Math.max(worstMs, ms);
    totalMs += ms;
  }
  return { sequences, stillClosedAfterOpening, worstMs, totalMs };
}

/**
 * Why a closed-eye clip did not become ready, from the first check that held it back: `no-face` (a
 * face in fewer than half its frames); `eye-crop-model`, `lids` or `cascade` (too few confidently
 * closed frames for a closure, and this cue vetoed most of the others: an eye's logit not above the
 * threshold, the more open eye's ratio not below confidentMaxEar, a cascade hit); `baseline` (the
 * person's baseline turned confident frames into unsure ones); `opened` (enough confident frames, but
 * frames read as open kept ending the closure); `margin` (a closure held long enough but its logits
 * stayed below closureLogit); `hold` (none of these: the share or the hold). Null for a ready clip.
 */
export type ClipBlocker = 'no-face' | 'eye-crop-model' | 'lids' | 'cascade' | 'baseline' | 'opened' | 'margin' | 'hold';

export function closedClipBlocker(frames: (EyeStateResult | null)[], config: EyeStateConfig, smoothing: EyeSmoothingConfig = EYE_SMOOTHING): ClipBlocker | null {
  let smoothed = INITIAL_SMOOTHED_EYE_STATE;
  let confident = 0;
  let vetoedByBaseline = 0;
  let heldWithoutMargin = false;
  const vetoes = { 'eye-crop-model': 0, lids: 0, cascade: 0 };
  for (const [f, result] of frames.entries()) {
    const at = (f * 1000) / CLIP_FPS;
    smoothed = smoothEyeState(smoothed, result, at, smoothing);
    if (smoothed.stable === 'closed') return null;
    if (!result || result.state === 'uncertain') continue;
    if (result.confidentlyClosed) {
      confident++;
      if (smoothed.candidate !== 'closed') vetoedByBaseline++;
    } else {
      const eyes = [result.right, result.left];
      if (eyes.some((e) => e.closedLogit <= config.closedLogitThreshold)) vetoes['eye-crop-model']++;
      if (Math.max(result.right.ear, result.left.ear) >= config.confidentMaxEar) vetoes.lids++;
      if (eyes.some((e) => (e.haarHits?.length ?? 0) > 0)) vetoes.cascade++;
    }
    if (closureHeldWithoutMargin(smoothed, at, smoothing) !== null) heldWithoutMargin = true;
  }
  const faces = frames.filter((r) => r !== null).length;
  if (faces < frames.length / 2) return 'no-face';
  if (heldWithoutMargin) return 'margin';
  // a closure needs about closedHoldMs of frames, most of them confident
  const needed = Math.ceil(((smoothing.closedHoldMs * CLIP_FPS) / 1000 + 1) * smoothing.minClosedShare);
  if (confident - vetoedByBaseline < needed) {
    if (vetoedByBaseline > 0 && confident >= needed) return 'baseline';
    return (Object.entries(vetoes).sort((a, b) => b[1] - a[1])[0][0] as ClipBlocker) ?? 'hold';
  }
  return frames.some((r) => r?.state === 'open') ? 'opened' : 'hold';
}
