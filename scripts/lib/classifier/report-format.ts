/** Text rendering of classification reports in the paper's Table 1 layout. */
import type { ClassificationReport } from './metrics';

const f2 = (v: number) => v.toFixed(2);
const prf = (r: { precision: number; recall: number; f1: number }) => `${f2(r.precision)} / ${f2(r.recall)} / ${f2(r.f1)}`;

/** Markdown table: one row per class, then macro and weighted averages and accuracy; one column per model. */
export function table1(columns: Record<string, ClassificationReport>): string {
  const names = Object.keys(columns);
  const first = columns[names[0]];
  const lines = [`| class (P / R / F1) | support | ${names.join(' | ')} |`, `|---|---|${names.map(() => '---').join('|')}|`];
  for (const c of first.classes) lines.push(`| ${c} | ${first.perClass[c].support} | ${names.map((n) => prf(columns[n].perClass[c])).join(' | ')} |`);
  lines.push(`| macro avg | ${first.total} | ${names.map((n) => prf(columns[n].macro)).join(' | ')} |`);
  lines.push(`| weighted avg | ${first.total} | ${names.map((n) => prf(columns[n].weighted)).join(' | ')} |`);
  lines.push(`| accuracy | ${first.total} | ${names.map((n) => f2(columns[n].accuracy)).join(' | ')} |`);
  return lines.join('\n');
}

export function confusionText(report: ClassificationReport): string {
  const w = Math.max(10, ...report.classes.map((c) => c.length + 1));
  const pad = (s: string) => s.padStart(w);
  const lines = [`${'true \\ predicted'.padEnd(w + 6)}${report.classes.map(pad).join('')}`];
  report.confusion.forEach((row, i) => lines.push(`${report.classes[i].padEnd(w + 6)}${row.map((v) => pad(String(v))).join('')}`));
  return lines.join('\n');
}
