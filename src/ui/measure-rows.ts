/**
 * The quality measures as the overlay and the check page list them: every measure the frame carries
 * or the profile bands, with its raw value, score and the profile's threshold. Pure, so both views
 * show the same rows.
 */
import { MEASURE_IDS, type MeasureId, type QualityMeasures } from '../protocol/quality-measures';
import { roundTo } from '../workflow/measure-checks';
import type { CheckResult, Readiness } from '../workflow/types';

/** passed / failed / unmeasured as the profile's check says; `unbanded`: measured, but this profile sets no threshold on it. */
export type MeasureStatus = 'passed' | 'failed' | 'unmeasured' | 'unbanded';

export interface MeasureRow {
  id: MeasureId;
  status: MeasureStatus;
  raw: number | null;
  score: number | null;
  /** The profile's band in numbers; null when it has none. */
  threshold: string | null;
}

export const isMeasureId = (id: string): id is MeasureId => (MEASURE_IDS as readonly string[]).includes(id);

export const checkStatus = (check: Pick<CheckResult, 'passed'>) => (check.passed === null ? 'unmeasured' : check.passed ? 'passed' : 'failed');

/** The checks that are not quality measures (face, verdict, light, eyes…), in the readiness order. */
export const otherChecks = (readiness: Readiness) => readiness.checks.filter((check) => !isMeasureId(check.id));

export function measureRows(readiness: Readiness, measures: QualityMeasures | null): MeasureRow[] {
  return MEASURE_IDS.flatMap((id): MeasureRow[] => {
    const check = readiness.checks.find((c) => c.id === id);
    if (check) return [{ id, status: checkStatus(check), raw: typeof check.value === 'number' ? check.value : null, score: check.score, threshold: check.threshold }];
    const value = measures?.[id];
    return value ? [{ id, status: 'unbanded', raw: roundTo(value.raw), score: roundTo(value.score, 0), threshold: null }] : [];
  });
}
