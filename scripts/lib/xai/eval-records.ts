/** The per-image records of xai:eval (cached under .cache/xai/eval2/) and the LIME agreement they give (read by bench:xai too). */
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { jaccard, pairedComparison } from './intervals';

export const METHODS = ['gradcam', 'lime-reference', 'lime-fast', 'lime-prior', 'combined-fast'] as const;
export type Method = (typeof METHODS)[number];
/** Deletion/insertion steps of xai:eval's default run (its cache directory is per step count). */
export const DEFAULT_EVAL_STEPS = 28;
export interface MethodScore { ms: number; deletion: number; insertion: number }
export interface EvalRecord {
  path: string;
  trueClass: string;
  predicted: string;
  probability: number;
  segments: number;
  /** LIME's top-5 superpixels of the image (reference seeds 0 and 1, fast, the fast design with 124 samples, fast with the Grad-CAM prior). */
  top5: { reference: number[]; referenceSeed2: number[]; fast: number[]; fast124: number[]; prior: number[] };
  methods: Record<Method, MethodScore>;
}

export function evalCacheDir(modelId: string, deletionSteps: number): string {
  const dir = join('.cache/xai/eval2', `${modelId}-t${deletionSteps}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
export const evalCacheFile = (dir: string, path: string) => join(dir, `${basename(join(path, '..'))}__${basename(path)}.json`);

/** Per-image agreement of LIME's top-5 sets: what bench:xai reports. fastLimeAgreement averages the fast mode's Jaccard with both reference seeds. */
export function agreementOf(records: readonly EvalRecord[]) {
  const fast = records.map((r) => (jaccard(r.top5.fast, r.top5.reference) + jaccard(r.top5.fast, r.top5.referenceSeed2)) / 2);
  const fast124 = records.map((r) => (jaccard(r.top5.fast124, r.top5.reference) + jaccard(r.top5.fast124, r.top5.referenceSeed2)) / 2);
  const prior = records.map((r) => (jaccard(r.top5.prior, r.top5.reference) + jaccard(r.top5.prior, r.top5.referenceSeed2)) / 2);
  const seed = records.map((r) => jaccard(r.top5.reference, r.top5.referenceSeed2));
  return { fast, fast124, prior, seed, fastMinusSeed: pairedComparison(seed, fast), fast124MinusSeed: pairedComparison(seed, fast124), priorMinusSeed: pairedComparison(seed, prior) };
}

