/** The validation and test samples of the shared set, planned exactly as training planned them. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FaceLandmarks } from '../../../src/model/face/types';
import { listDataset } from '../classifier/dataset';
import { loadOrCreateSplits } from '../classifier/dataset-splits';
import { occluderPlanner } from '../classifier/occluders';
import { DEFAULT_DATA_DIR, DEFAULT_SPLITS_DIR } from '../classifier/paths';
import { DEFAULT_SAMPLE_PLAN, planSamples, type SampleSpec } from '../classifier/samples';
import { loadLandmarks } from '../landmark-cache';

export interface HeldOutSamples {
  root: string;
  landmarks: Map<string, FaceLandmarks[]>;
  val: SampleSpec[];
  test: SampleSpec[];
}

export async function heldOutSamples(): Promise<HeldOutSamples> {
  const root = resolve(DEFAULT_DATA_DIR);
  if (!existsSync(root)) throw new Error(`dataset ${root} is missing (../shared/datasets); use --data DIR for your own folder`);
  const { items } = listDataset(root);
  const split = await loadOrCreateSplits(root, items, DEFAULT_SPLITS_DIR);
  const landmarks = await loadLandmarks(root);
  const samples = planSamples(items.filter((_, i) => split.splits[i]), split.splits.filter(Boolean), DEFAULT_SAMPLE_PLAN, occluderPlanner(landmarks));
  return { root, landmarks, val: samples.filter((s) => s.split === 'val'), test: samples.filter((s) => s.split === 'test') };
}
