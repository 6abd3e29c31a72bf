/**
 * The reference LIME's raw runs, cached per image (under .cache/xai/reference/, git-ignored): the superpixels,
 * and for each reference seed its on/off masks and the model's probabilities of every class for every
 * sample. Any fast design is then compared with the reference by refitting these (no new forwards for
 * the reference), and the reference's own top 5 is reproduced exactly from them.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cosineDistanceToFirst } from '../../../src/xai/lime/cosine-distance';
import { exponentialKernel } from '../../../src/xai/lime/kernel-weights';
import { fitWeightedRidge } from '../../../src/xai/lime/weighted-ridge';
import { DEFAULT_LIME_OPTIONS, type LimeResult, topPositive } from '../../../src/xai/lime';
import type { Segmentation } from '../../../src/xai/types';

/** The two seeds the reference is run with (the second measures its agreement with itself). */
export const REFERENCE_SEEDS = [0, 1] as const;

export interface ReferenceRun {
  seed: number;
  numSamples: number;
  /** Row-major numSamples × numFeatures 0/1 masks (row 0 all on, the original image). */
  masks: Uint8Array;
  /** Row-major numSamples × numClasses probabilities. */
  probabilities: Float32Array;
}

export interface ReferenceRecord {
  path: string;
  trueClass: string;
  numClasses: number;
  /** The explained class: the one predicted for the unperturbed image. */
  target: number;
  segmentation: Segmentation;
  runs: ReferenceRun[];
}

interface StoredRecord {
  path: string;
  trueClass: string;
  numClasses: number;
  target: number;
  segmentation: { width: number; height: number; count: number; labels: string };
  runs: { seed: number; numSamples: number; masks: string; probabilities: string }[];
}

const b64 = (bytes: ArrayBufferView) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
function fromB64<T>(text: string, View: { new (buffer: ArrayBuffer): T }): T {
  const buf = Buffer.from(text, 'base64');
  return new View(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

export function referenceCacheDir(modelId: string): string {
  const dir = join('.cache/xai/reference', modelId);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function saveReferenceRecord(file: string, r: ReferenceRecord): void {
  const stored: StoredRecord = {
    path: r.path,
    trueClass: r.trueClass,
    numClasses: r.numClasses,
    target: r.target,
    segmentation: { width: r.segmentation.width, height: r.segmentation.height, count: r.segmentation.count, labels: b64(r.segmentation.labels) },
    runs: r.runs.map((run) => ({ seed: run.seed, numSamples: run.numSamples, masks: b64(run.masks), probabilities: b64(run.probabilities) })),
  };
  writeFileSync(`${file}.tmp`, JSON.stringify(stored));
  renameSync(`${file}.tmp`, file); // a run killed mid-write leaves no half record
}

/**
 * Reads an image's cached reference runs (undefined when not cached). The arrays' sizes are checked against the
 * record's own dimensions: a record of another model or a damaged file would otherwise refit silently wrong.
 */
export function loadReferenceRecord(file: string): ReferenceRecord | undefined {
  if (!existsSync(file)) return undefined;
  const s = JSON.parse(readFileSync(file, 'utf8')) as StoredRecord;
  const record: ReferenceRecord = {
    path: s.path,
    trueClass: s.trueClass,
    numClasses: s.numClasses,
    target: s.target,
    segmentation: { width: s.segmentation.width, height: s.segmentation.height, count: s.segmentation.count, labels: fromB64(s.segmentation.labels, Int32Array) },
    runs: s.runs.map((run) => ({ seed: run.seed, numSamples: run.numSamples, masks: fromB64(run.masks, Uint8Array), probabilities: fromB64(run.probabilities, Float32Array) })),
  };
  const problem = referenceRecordProblem(record);
  if (problem) throw new Error(`reference cache ${file}: ${problem}`);
  return record;
}

/** What is inconsistent in a reference record (null: nothing). */
function referenceRecordProblem(r: ReferenceRecord): string | null {
  const { width, height, count, labels } = r.segmentation;
  if (!(Number.isInteger(count) && count > 0) || labels.length !== width * height || labels.some((l) => !(l >= 0 && l < count))) return 'superpixels do not match their size';
  if (!(Number.isInteger(r.numClasses) && r.numClasses > 0 && Number.isInteger(r.target) && r.target >= 0 && r.target < r.numClasses)) return 'target class out of range';
  if (r.runs.length !== REFERENCE_SEEDS.length) return `expected ${REFERENCE_SEEDS.length} runs, found ${r.runs.length}`;
  for (const run of r.runs) {
    if (!(Number.isInteger(run.numSamples) && run.numSamples > 0)) return `run of seed ${run.seed}: no samples`;
    if (run.masks.length !== run.numSamples * count) return `run of seed ${run.seed}: masks are not ${run.numSamples} × ${count}`;
    if (run.probabilities.length !== run.numSamples * r.numClasses) return `run of seed ${run.seed}: probabilities are not ${run.numSamples} × ${r.numClasses}`;
  }
  return null;
}

/** The target class's probability of every sample of a run. */
function targetColumn(run: ReferenceRun, numClasses: number, target: number): Float64Array {
  return Float64Array.from({ length: run.numSamples }, (_, i) => run.probabilities[i * numClasses + target]);
}

/**
 * The reference LIME's result from a cached run, as createLime gives it: the paper's cosine kernel, ridge and
 * top 5, refitted to the cached probabilities (no forwards).
 */
export function referenceResult(record: ReferenceRecord, runIndex: number): LimeResult {
  const run = record.runs[runIndex];
  const p = record.segmentation.count;
  const samples = { numSamples: run.numSamples, numFeatures: p, on: run.masks };
  const weights = exponentialKernel(cosineDistanceToFirst(samples), DEFAULT_LIME_OPTIONS.kernelWidth);
  const fit = fitWeightedRidge(run.masks, run.numSamples, p, targetColumn(run, record.numClasses, record.target), weights, DEFAULT_LIME_OPTIONS.alpha);
  return {
    target: record.target,
    probabilities: Array.from(run.probabilities.subarray(0, record.numClasses)),
    segmentation: record.segmentation,
    coefficients: fit.coefficients,
    intercept: fit.intercept,
    localPrediction: fit.coefficients.reduce((sum, c) => sum + c, fit.intercept), // row 0 is all on
    r2: fit.r2,
    topSegments: topPositive(fit.coefficients, DEFAULT_LIME_OPTIONS.numTopSegments),
    numSamples: run.numSamples,
  };
}
