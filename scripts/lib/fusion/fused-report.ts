/** The fused verdict's figures as text: Table 1 beside the classifier's, real blur, LOSO, uncertainty. */
import type { FusionConfig } from '../../../src/model/fusion/fusion-config';
import { confusionText, table1 } from '../classifier/report-format';
import type { FusedFigures, Rate } from './fused-evaluation';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const ci = ([lo, hi]: [number, number], digits = 3) => `95 % ${lo.toFixed(digits)}–${hi.toFixed(digits)}`;
const rate = (r: Rate) => `${r.k}/${r.n} = ${pct(r.rate)} (${ci([100 * r.ci95[0], 100 * r.ci95[1]], 1)} %)`;

export function fusedText(f: FusedFigures, fusion: FusionConfig): string {
  const lines = [
    `\nFused verdict (classifier + measures; fusion.json ${JSON.stringify({ ...fusion, version: undefined })}), test split:`,
    table1({ classifier: f.classifier, fused: f.report }),
    `fused macro-F1 ${f.macroF1.toFixed(4)} (${ci(f.macroF1Interval.b)}), classifier ${f.classifierMacroF1.toFixed(4)} (${ci(f.macroF1Interval.a)}); fused − classifier ${(f.macroF1 - f.classifierMacroF1).toFixed(4)} (paired bootstrap, ${f.macroF1Interval.replicates} replicates, ${ci(f.macroF1Interval.difference)}); ${pct(f.decidedByMeasure)} of verdicts decided by a measure`,
    `fused confusion (rows true, columns predicted):\n${confusionText(f.report)}`,
    `"uncertain" on defective test samples: classifier ${rate(f.uncertainOnDefective.classifierRate)}, fused ${rate(f.uncertainOnDefective.fusedRate)}`,
  ];
  if (f.realBlur) {
    lines.push(`real blurry photos: blur recall classifier ${rate(f.realBlur.classifierRecallRate)}, fused ${rate(f.realBlur.fusedRecall)} (fused predicted ${JSON.stringify(f.realBlur.predicted)})`);
    lines.push(`"uncertain" on real blurry photos: classifier ${rate(f.realBlur.uncertain.classifier)}, fused ${rate(f.realBlur.uncertain.fused)}`);
  }
  const held = Object.values(f.leaveOneSourceOut).some((r) => r.classifier);
  lines.push(
    held
      ? 'leave-one-source-out (classifier head trained without the source; fused rules fitted on the other sources\' validation samples), val+test samples of each source, acc / macro-F1 over the classes present:'
      : 'leave-one-source-out of the rules only (no loso-probabilities.json: the classifier is the committed in-source one), val+test samples of each source, acc / macro-F1 over the classes present:',
  );
  const pair = (x: { accuracy: number; macroF1: number }) => `${x.accuracy.toFixed(3)} / ${x.macroF1.toFixed(3)}`;
  for (const [source, r] of Object.entries(f.leaveOneSourceOut)) {
    const d = r.fused.macroF1 - (r.classifier ?? r.inSource).macroF1;
    lines.push(`  ${source.padEnd(14)} n ${String(r.n).padStart(3)}  classes ${r.classesPresent.join('/')}: in-source classifier ${pair(r.inSource)}; ${r.classifier ? `LOSO classifier ${pair(r.classifier)}; ` : ''}fused ${pair(r.fused)}; fused − classifier macro-F1 ${d.toFixed(3)} (${ci(r.macroF1Interval.difference)})`);
  }
  const p = f.leaveOneSourceOutPooled;
  lines.push(`leave-one-source-out, every source's rows pooled (n ${p.classifier.total}; each class's rows come from the sources that have it):`);
  lines.push(table1({ [held ? 'LOSO classifier' : 'classifier']: p.classifier, 'fused (LOSO)': p.fused }));
  lines.push(`pooled macro-F1 classifier ${p.classifier.macro.f1.toFixed(4)} (${ci(p.macroF1Interval.a)}), fused ${p.fused.macro.f1.toFixed(4)} (${ci(p.macroF1Interval.b)}); fused − classifier ${(p.fused.macro.f1 - p.classifier.macro.f1).toFixed(4)} (paired bootstrap, ${ci(p.macroF1Interval.difference)}); accuracy ${p.classifier.accuracy.toFixed(3)} → ${p.fused.accuracy.toFixed(3)}`);
  return lines.join('\n');
}
