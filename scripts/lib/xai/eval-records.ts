/** The per-image records of xai:eval (cached under .cache/xai/eval3/) and the LIME agreement they give (read by bench:xai too). */
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { jaccard, pairedComparison } from './intervals';

export const METHODS = ['gradcam', 'lime-reference', 'lime-fast', 'lime-prior', 'combined-fast'] as const;
export type Method = (typeof METHODS)[number];
/** Deletion/insertion steps of xai:eval's default run (its cache directory is per step count). */
export const DEFAULT_EVAL_STEPS = 28;
/** Wall time per explanation (null for the reference LIME, whose runs come from the reference cache: bench:xai times it). */
export interface MethodScore { ms: number | null; deletion: number; insertion: number }
/**
 * The fast mode's design was chosen by comparing candidates with the cached reference on the first this
 * many held-out images (scripts/lib/xai/held-out.ts's order); its agreement is reported on the others.
 */
export const DESIGN_CHOSEN_ON_IMAGES = 15;
export interface EvalRecord {
  /** Position in the held-out order (0-based). */
  order: number;
  path: string;
  trueClass: string;
  predicted: string;
  probability: number;
  segments: number;
  /** LIME's top-5 superpixels of the image (reference seeds 0 and 1, fast, the fast mode's samples with the Grad-CAM prior). */
  top5: { reference: number[]; referenceSeed2: number[]; fast: number[]; prior: number[] };
  methods: Record<Method, MethodScore>;
}

export function evalCacheDir(modelId: string, deletionSteps: number): string {
  const dir = join('.cache/xai/eval3', `${modelId}-t${deletionSteps}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
/** An image's cache file in a per-image cache directory (xai:eval's records, the reference cache). */
export const imageCacheFile = (dir: string, path: string) => join(dir, `${basename(join(path, '..'))}__${basename(path)}.json`);

/** Per-image agreement of LIME's top-5 sets: what bench:xai reports. fastLimeAgreement averages the fast mode's Jaccard with both reference seeds. */
export function agreementOf(records: readonly EvalRecord[]) {
  const fast = records.map((r) => (jaccard(r.top5.fast, r.top5.reference) + jaccard(r.top5.fast, r.top5.referenceSeed2)) / 2);
  const prior = records.map((r) => (jaccard(r.top5.prior, r.top5.reference) + jaccard(r.top5.prior, r.top5.referenceSeed2)) / 2);
  const seed = records.map((r) => jaccard(r.top5.reference, r.top5.referenceSeed2));
  return { fast, prior, seed, fastMinusSeed: pairedComparison(seed, fast), priorMinusSeed: pairedComparison(seed, prior) };
}

