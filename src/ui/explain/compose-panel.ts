import type { RgbaImage } from '../../image';
import type { ExplainMessageKey } from '../../i18n/explain-messages';
import type { Translate } from '../../i18n/translate';
import { GLYPH_ADVANCE, GLYPH_HEIGHT } from '../../xai/bitmap-font';
import { blankImage, blit, drawText, legendImage } from '../../xai/render';
import { type ExplanationResults, explanationViews } from './explanation-views';

export interface PanelCaption {
  /** e.g. "good 93%". */
  predicted: string;
}

const MARGIN = 12;
const TEXT_SCALE = 2;
const LINE = GLYPH_HEIGHT * TEXT_SCALE + 8;

/**
 * The explanation panel as one picture for "Save PNG": the predicted class on top, the views in a
 * two-column grid, each titled, and the colour legend underneath. Pure: the caller encodes it.
 */
export function composePanelImage(results: ExplanationResults, caption: PanelCaption, t: Translate<ExplainMessageKey>): RgbaImage {
  const views = explanationViews(results, t);
  const { width: w, height: h } = results.frame;
  const columns = Math.min(2, views.length);
  const rows = Math.ceil(views.length / columns);
  const width = MARGIN + columns * (w + MARGIN);
  const legend = legendImage(Math.min(width - 2 * MARGIN, 2 * w));
  const gridTop = MARGIN + LINE;
  const height = gridTop + rows * (LINE + h + MARGIN) + legend.height + MARGIN;
  const panel = blankImage(width, height);
  drawText(panel, fitText(`${t('predicted')} ${caption.predicted}`, width - 2 * MARGIN), MARGIN, MARGIN, TEXT_SCALE);
  views.forEach((view, i) => {
    const x = MARGIN + (i % columns) * (w + MARGIN);
    const y = gridTop + Math.floor(i / columns) * (LINE + h + MARGIN);
    drawText(panel, fitText(view.title, w), x, y, TEXT_SCALE);
    blit(panel, view.image, x, y + LINE);
  });
  blit(panel, legend, MARGIN, height - MARGIN - legend.height);
  return panel;
}

function fitText(text: string, width: number): string {
  return text.slice(0, Math.max(0, Math.floor(width / (GLYPH_ADVANCE * TEXT_SCALE))));
}
