/** The fused verdict's figures as text: Table 1 beside the classifier's, real blur, LOSO, uncertainty. */
import type { FusionConfig } from '../../../src/model/fusion/fusion-config';
import { confusionText, table1 } from '../classifier/report-format';
import type { FusedFigures } from './fused-evaluation';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export function fusedText(f: FusedFigures, fusion: FusionConfig): string {
  const lines = [
    `\nFused verdict (classifier + measures; fusion.json ${JSON.stringify({ ...fusion, version: undefined })}), test split:`,
    table1({ classifier: f.classifier, fused: f.report }),
    `fused macro-F1 ${f.macroF1.toFixed(4)} (classifier ${f.classifierMacroF1.toFixed(4)}); ${pct(f.decidedByMeasure)} of verdicts decided by a measure`,
    `fused confusion (rows true, columns predicted):\n${confusionText(f.report)}`,
    `"uncertain" on defective test samples (n ${f.uncertainOnDefective.n}): classifier ${pct(f.uncertainOnDefective.classifier)}, fused ${pct(f.uncertainOnDefective.fused)}`,
  ];
  if (f.realBlur) lines.push(`real blurry photos (n ${f.realBlur.n}): blur recall classifier ${f.realBlur.classifierRecall.toFixed(3)}, fused ${f.realBlur.recall.toFixed(3)} (fused predicted ${JSON.stringify(f.realBlur.predicted)})`);
  lines.push('leave-one-source-out of the thresholds (fitted on the other sources\' validation samples; the classifier is the committed in-source one), val+test samples of each source, over the classes present:');
  for (const [source, r] of Object.entries(f.leaveOneSourceOut)) {
    lines.push(`  ${source.padEnd(14)} n ${String(r.n).padStart(3)}  classes ${r.classesPresent.join('/')}: classifier acc ${r.classifier.accuracy.toFixed(3)} F1 ${r.classifier.macroF1.toFixed(3)}; fused acc ${r.fused.accuracy.toFixed(3)} F1 ${r.fused.macroF1.toFixed(3)}`);
  }
  return lines.join('\n');
}
