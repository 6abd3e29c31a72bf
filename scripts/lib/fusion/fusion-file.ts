/** public/models/classifier/fusion.json: the fused verdict's thresholds plus how they were fitted and what they scored. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateFusionConfig, type FusionConfig } from '../../../src/model/fusion/fusion-config';

export const FUSION_FILE = 'fusion.json';

export interface FusionFile {
  config: FusionConfig;
  /** The held-out figures recorded when it was fitted, for `npm run evaluate -- --check`. */
  heldOut?: { macroF1: number; realBlurRecall?: number };
}

export function readFusionFile(modelDir: string): FusionFile {
  const path = join(modelDir, FUSION_FILE);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run fit-fusion`);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  return { config: validateFusionConfig(json), heldOut: json.heldOut };
}
