/**
 * The training / evaluation samples: each is a dataset image plus a reproducible recipe (synthetic
 * defect, blur, webcam augmentation). The recipe is drawn from a seeded PRNG, so the same split
 * always yields the same samples and a sample's JSON is its feature-cache key.
 */
import type { QualityClass } from '../../../src/model/classifier/constants';
import type { DatasetItem } from './dataset';
import type { BlurSpec, PhotometricSpec } from './image-ops';
import { createSeededRandom } from '../../../src/random';
import type { SplitName } from './split';

/** Blur parameters relative to the face (or frame) side, resolved to pixels when applied. */
export type RelativeBlurSpec = BlurSpec;

export interface SampleSpec {
  relPath: string;
  split: SplitName;
  label: QualityClass;
  /** Source tag of the underlying photo. */
  source: string;
  /** Label of the photo before synthesis. */
  baseLabel: QualityClass;
  /** Defect drawn from landmarks (covered / eyeglasses synthesis). */
  occluder?: { kind: string; seed: number };
  blur?: RelativeBlurSpec;
  photometric?: PhotometricSpec;
  jpegQuality?: number;
}

export const FACE_CLASSES: readonly QualityClass[] = ['good', 'eyeglasses', 'covered'];

/** Random blur of camera-like strength (relative to the face side): clearly visible, never subtle. */
export function randomBlur(random: () => number): RelativeBlurSpec {
  const r = random();
  const u = random();
  if (r < 0.3) return { kind: 'disc', radius: 0.018 + 0.035 * u };
  if (r < 0.55) return { kind: 'gaussian', sigma: 0.012 + 0.025 * u };
  if (r < 0.8) return { kind: 'motion', length: 0.05 + 0.1 * u, angle: random() * Math.PI };
  return { kind: 'lowres', side: 18 + 22 * u };
}

/** Mild blur that does not make a `wrong` (no-face) image a `blur` one: teaches the class means a blurred face. */
export function mildBlur(random: () => number): RelativeBlurSpec {
  return { kind: 'gaussian', sigma: 0.008 + 0.02 * random() };
}

export function randomPhotometric(random: () => number): PhotometricSpec {
  const cw = 0.82 + 0.18 * random();
  const ch = 0.82 + 0.18 * random();
  return {
    brightness: 0.75 + 0.5 * random(),
    contrast: 0.75 + 0.5 * random(),
    temperature: (random() - 0.5) * 0.2,
    flip: random() < 0.5,
    crop: [(1 - cw) * random(), (1 - ch) * random(), cw, ch],
  };
}

export interface SamplePlan {
  /** Probability that a training photo also yields an augmented view (blur and occluder samples are always augmented). */
  augmentedView: number;
  /** Probability that a face photo also yields a synthetic-blur sample (train, and val/test). */
  blurFraction: { train: number; eval: number };
  /** Probability that a `wrong` training photo also appears mildly blurred (still `wrong`). */
  wrongBlurFraction: number;
  seed: number;
}

export const DEFAULT_SAMPLE_PLAN: SamplePlan = { augmentedView: 0.25, blurFraction: { train: 0.45, eval: 0.35 }, wrongBlurFraction: 0.3, seed: 7 };

/** Occluder synthesis hook: given a photo, returns the defect samples to add (empty without landmarks). */
export type OccluderPlanner = (item: DatasetItem, split: SplitName, random: () => number) => SampleSpec[];

/** FNV-1a 32-bit hash of a string. */
export function stringHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function planSamples(items: readonly DatasetItem[], splits: readonly SplitName[], plan: SamplePlan, occluders?: OccluderPlanner): SampleSpec[] {
  const out: SampleSpec[] = [];
  items.forEach((item, i) => {
    // one PRNG per photo, so adding samples for one photo never reshuffles the others' recipes
    const random = createSeededRandom(plan.seed ^ stringHash(item.relPath)).next;
    const split = splits[i];
    const base: SampleSpec = { relPath: item.relPath, split, label: item.label, source: item.source, baseLabel: item.label };
    const train = split === 'train';
    out.push(base);
    if (train) {
      if (random() < plan.augmentedView) out.push({ ...base, photometric: randomPhotometric(random), jpegQuality: random() < 0.5 ? Math.round(30 + 60 * random()) : undefined });
    }
    if (FACE_CLASSES.includes(item.label) && random() < (train ? plan.blurFraction.train : plan.blurFraction.eval)) {
      out.push({ ...base, label: 'blur', blur: randomBlur(random), photometric: train ? randomPhotometric(random) : undefined });
    }
    if (train && item.label === 'wrong' && random() < plan.wrongBlurFraction) out.push({ ...base, blur: mildBlur(random), photometric: randomPhotometric(random) });
    if (occluders) out.push(...occluders(item, split, random));
  });
  return out;
}
