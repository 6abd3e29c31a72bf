import type { RgbaImage } from '../../image';
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
 * Only the explanations that are present get a view.
 */
export function explanationViews({ frame, gradcam, lime, combined }: ExplanationResults): ExplanationView[] {
  const views: ExplanationView[] = [{ title: 'Frame', image: frame }];
  if (gradcam) views.push({ title: 'Grad-CAM', image: overlayHeatmap(frame, gradcam.map) });
  if (lime) {
    const { segmentation, topSegments } = lime;
    views.push({ title: `LIME top ${topSegments.length}`, image: outlineSegments(showOnlySegments(frame, segmentation, topSegments), segmentation, topSegments) });
  }
  if (combined) {
    const { segmentation, topSegments } = combined.lime;
    views.push({ title: 'Grad-CAM + LIME', image: outlineSegments(showOnlySegments(combined.overlay, segmentation, topSegments), segmentation, topSegments) });
  }
  return views;
}
