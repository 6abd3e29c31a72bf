/**
 * The leave-one-source-out heads' probabilities (data/classifier/loso-probabilities.json, written by
 * `npm run train -- --loso-heads`): per source, a head trained without that source's photos, scored on
 * every validation and test sample. With them the fused verdict's LOSO figures rest on a classifier that
 * truly never saw the source, and its rules can be chosen on validation samples scored by such a head.
 */
import { existsSync, readFileSync } from 'node:fs';
import { sampleKey } from '../classifier/features';
import { LOSO_PROBABILITIES_FILE } from '../classifier/paths';
import type { SampleEvidence } from './sample-evidence';

export interface LosoHeads {
  /** Sample keys (sampleKey with the face crop), in the order of each head's probabilities. */
  keys: string[];
  heads: Record<string, { trainSamples: number; temperature: number; probabilities: number[][] }>;
}

export function readLosoHeads(path = LOSO_PROBABILITIES_FILE): LosoHeads | null {
  if (!existsSync(path)) return null;
  const json = JSON.parse(readFileSync(path, 'utf8')) as LosoHeads;
  return { keys: json.keys, heads: json.heads };
}

/** The rows with their probabilities replaced by the head trained without `source`. */
export function scoredWithout(rows: readonly SampleEvidence[], source: string, loso: LosoHeads): SampleEvidence[] {
  const head = loso.heads[source];
  if (!head) throw new Error(`${LOSO_PROBABILITIES_FILE} has no head without ${source}: rerun npm run train -- --loso-heads`);
  const index = new Map(loso.keys.map((k, i) => [k, i]));
  return rows.map((r) => {
    const i = index.get(sampleKey(r.spec, 'face'));
    if (i === undefined) throw new Error(`${LOSO_PROBABILITIES_FILE} lacks a sample of ${r.spec.relPath}: rerun npm run train -- --loso-heads`);
    return { ...r, probabilities: head.probabilities[i] };
  });
}

/** Each row scored by the head that never saw its own source (out-of-source probabilities). */
export function scoredOutOfSource(rows: readonly SampleEvidence[], loso: LosoHeads): SampleEvidence[] {
  const out = [...rows];
  for (const source of new Set(rows.map((r) => r.spec.source))) {
    const at = rows.flatMap((r, i) => (r.spec.source === source ? [i] : []));
    scoredWithout(at.map((i) => rows[i]), source, loso).forEach((r, j) => (out[at[j]] = r));
  }
  return out;
}
