import type { RgbaImage } from '../../image';
import type { ExplainMessageKey } from '../../i18n/explain-messages';
import type { Translate } from '../../i18n/translate';
import type { ExplanationSet } from '../../xai/explain-set';
import { outlineSegments, overlayHeatmap, showOnlySegments } from '../../xai/render';

/** The frame the model saw and its explanations; every view is drawn on the frame. */
export type ExplanationResults = ExplanationSet;

export interface ExplanationView {
  title: string;
  image: RgbaImage;
}

/**
 * The panel's pictures, in order: the frame, Grad-CAM's heatmap over it, LIME's top superpixels
 * (the rest dimmed, outlined), and the combined view (heatmap with only LIME-on-E's top superpixels).
 * Only the explanations that are present get a view; titles are in the caller's language.
 */
export function explanationViews({ frame, gradcam, lime, combined }: ExplanationResults, t: Translate<ExplainMessageKey>): ExplanationView[] {
  const views: ExplanationView[] = [{ title: t('view.frame'), image: frame }];
  if (gradcam) views.push({ title: t('view.gradcam'), image: overlayHeatmap(frame, gradcam.map) });
  if (lime) {
    const { segmentation, topSegments } = lime;
    views.push({ title: t('view.lime', { count: topSegments.length }), image: outlineSegments(showOnlySegments(frame, segmentation, topSegments), segmentation, topSegments) });
  }
  if (combined) {
    const { segmentation, topSegments } = combined.lime;
    views.push({ title: t('view.combined'), image: outlineSegments(showOnlySegments(combined.overlay, segmentation, topSegments), segmentation, topSegments) });
  }
  return views;
}
