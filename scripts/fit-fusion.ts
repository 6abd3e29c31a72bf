/**
 * npm run fit-fusion
 *
 * Fits the fused verdict's thresholds (src/model/fusion) on the VALIDATION split of the shared set:
 * the quality measures of every validation sample; each measure's threshold flags at most a budget of the
 * clean faces; the classifier-backing rules (the skin measures', the glasses frame's), the glasses frame's
 * confident-good level and the defect-lead rule are chosen on the
 * validation samples scored by the leave-one-source-out heads (data/classifier/loso-probabilities.json)
 * without losing in-source validation macro-F1 (scripts/lib/fusion/fit-fusion.ts); the committed classifier's probabilities give
 * the fused validation figures it prints. Writes public/models/classifier/fusion.json. The
 * exposure thresholds are not fitted (the set has no light defects): they are fixed in
 * DEFAULT_FUSION_CONFIG and checked on degraded frames (npm run measure-bands, docs/measures.md).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import '@tensorflow/tfjs-backend-wasm';
import { DEFAULT_FUSION_CONFIG } from '../src/model/fusion/fusion-config';
import { paintOccluder } from './lib/classifier/occluders';
import { LOSO_PROBABILITIES_FILE, MODEL_DIR, REAL_BLUR_DIR } from './lib/classifier/paths';
import { FUSION_FILE } from './lib/fusion/fusion-file';
import { fusedFigures } from './lib/fusion/fused-evaluation';
import { fusedText } from './lib/fusion/fused-report';
import { loadLandmarks } from './lib/landmark-cache';
import { loadShippedClassifier } from './lib/classifier/shipped-model';
import { classifierReport, fitFusion, fusedReport } from './lib/fusion/fit-fusion';
import { heldOutSamples } from './lib/fusion/held-out-samples';
import { readLosoHeads, scoredOutOfSource } from './lib/fusion/loso-probabilities';
import { sampleEvidence } from './lib/fusion/sample-evidence';
import { useNodeBackend } from './lib/tf-node-backend';

async function main() {
  await useNodeBackend('wasm');
  const { model, config } = await loadShippedClassifier(MODEL_DIR);
  const held = await heldOutSamples();
  const rows = await sampleEvidence(held.val, model, { root: held.root, config, landmarks: held.landmarks, paintOccluder });
  const loso = readLosoHeads();
  if (!loso) console.warn(`no ${LOSO_PROBABILITIES_FILE}: defectSupportMin is chosen in-source only and defectLeadRatio stays null (run npm run train -- --loso-heads)`);
  const fit = fitFusion(rows, DEFAULT_FUSION_CONFIG, config.uncertaintyThreshold, loso ? scoredOutOfSource(rows, loso) : null);
  const fusion = { ...fit.config, version: `${config.version}+fusion` };
  const classifier = classifierReport(rows).macro.f1;
  const fused = fusedReport(rows, fusion, config.uncertaintyThreshold).macro.f1;
  // the held-out figures are recorded for --check only; nothing below feeds back into the fit
  const realBlurRoot = resolve(REAL_BLUR_DIR);
  const heldOut = await fusedFigures(model, config, fusion, held, { root: realBlurRoot, landmarks: existsSync(realBlurRoot) ? await loadLandmarks(realBlurRoot) : undefined });
  console.log(fusedText(heldOut, fusion));
  writeFileSync(join(MODEL_DIR, FUSION_FILE), `${JSON.stringify({ ...fusion, heldOut: { macroF1: heldOut.macroF1, realBlurRecall: heldOut.realBlur?.recall }, fittedOn: { split: 'val', samples: rows.length, falseFlagBudget: fit.budget, macroF1ByBudget: fit.macroF1ByBudget, supportChoice: fit.supportChoice, glassesSupportChoice: fit.glassesSupportChoice, glassesConfidentChoice: fit.glassesConfidentChoice, leadChoice: fit.leadChoice, leadPrecisionBar: fit.leadPrecisionBar, rules: fit.rules, classifierMacroF1: classifier, fusedMacroF1: fused } }, null, 2)}\n`);
  console.log(`validation (n ${rows.length}): classifier macro-F1 ${classifier.toFixed(4)}, fused ${fused.toFixed(4)}; confident-good sharpness budget ${fit.budget} (validation macro-F1 per budget ${JSON.stringify(fit.macroF1ByBudget)})`);
  console.log(`defectSupportMin ${fit.config.defectSupportMin} (validation macro-F1 in-source / out-of-source per candidate ${JSON.stringify(fit.supportChoice)})`);
  console.log(`glassesFrameSupportMin ${fit.config.glassesFrameSupportMin} (validation macro-F1 in-source / out-of-source per candidate ${JSON.stringify(fit.glassesSupportChoice)})`);
  console.log(`confidentGood.glassesFrameMax ${fit.config.confidentGood.glassesFrameMax} (per false-flag budget, null = never: ${JSON.stringify(fit.glassesConfidentChoice)})`);
  console.log(`defectLeadRatio ${fit.config.defectLeadRatio} (out-of-source validation: unsure defects made specific / right per ratio ${JSON.stringify(fit.leadChoice)}; bar: confident answers right ${fit.leadPrecisionBar?.toFixed(3)})`);
  for (const [id, r] of Object.entries(fit.rules)) console.log(`  ${id.padEnd(16)} threshold ${r.threshold}: flags ${(100 * r.recall).toFixed(1)} % of its defect (n ${r.nDefect}), ${(100 * r.falseFlagRate).toFixed(1)} % of clean faces (n ${r.nClean})`);
  console.log(`wrote ${join(MODEL_DIR, FUSION_FILE)}: ${JSON.stringify(fusion)}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
