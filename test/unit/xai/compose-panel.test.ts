import { describe, expect, it } from 'vitest';
import { EXPLAIN_MESSAGES } from '../../../src/i18n/explain-messages';
import { translator } from '../../../src/i18n/translate';
import { composePanelImage } from '../../../src/ui/explain/compose-panel';
import { explanationViews } from '../../../src/ui/explain/explanation-views';
import type { CamResult } from '../../../src/xai/cam/base-cam';
import type { CombinedResult } from '../../../src/xai/combined';
import type { LimeResult } from '../../../src/xai/lime';
import { blankImage, overlayHeatmap } from '../../../src/xai/render';
import { gridSegmentation } from './toy-models';

const W = 16;
const t = translator(EXPLAIN_MESSAGES, 'en');
const frame = blankImage(W, W, [200, 50, 50]);
const map = { width: W, height: W, values: Float32Array.from({ length: W * W }, (_, i) => (i % W) / (W - 1)) };
const gradcam: CamResult = { target: 2, probabilities: [0.1, 0.1, 0.8, 0, 0], raw: map, map };
const segmentation = gridSegmentation(W, W, 8);
const lime: LimeResult = { target: 2, probabilities: [0.1, 0.1, 0.8, 0, 0], segmentation, coefficients: [0.3, -0.1, 0, 0.2], intercept: 0.1, localPrediction: 0.5, r2: 0.8, topSegments: [0, 3], numSamples: 10 };
const combined: CombinedResult = { target: 2, probabilities: gradcam.probabilities, gradcam, overlay: overlayHeatmap(frame, map), lime };

describe('explanation views and the saved panel', () => {
  it('has a view per explanation present, frame first', () => {
    expect(explanationViews({ frame }, t).map((v) => v.title)).toEqual(['Frame']);
    const views = explanationViews({ frame, gradcam, lime, combined }, t);
    expect(views.map((v) => v.title)).toEqual(['Frame', 'Grad-CAM', 'LIME top 2', 'Grad-CAM + LIME']);
    expect(explanationViews({ frame, lime }, translator(EXPLAIN_MESSAGES, 'de')).map((v) => v.title)).toEqual(['Bild', 'LIME Top 2']);
    expect(views[0].image).toBe(frame);
    // LIME: top superpixel 0 (top-left cell) keeps its pixels inside; cell 1 (top-right) is dimmed
    const lv = views[2].image.data;
    expect(Array.from(lv.subarray((3 * W + 3) * 4, (3 * W + 3) * 4 + 3))).toEqual([200, 50, 50]);
    expect(Array.from(lv.subarray((3 * W + 12) * 4, (3 * W + 12) * 4 + 3))).not.toEqual([200, 50, 50]);
  });

  it('composes everything into one image: caption, two-column grid of the views, legend', () => {
    const panel = composePanelImage({ frame, gradcam, lime, combined }, { predicted: 'good 80%' }, t);
    expect(panel.width).toBe(12 + 2 * (W + 12));
    expect(panel.data.length).toBe(panel.width * panel.height * 4);
    // the frame is blitted at the first grid cell (below caption line and title line)
    const views = explanationViews({ frame, gradcam, lime, combined }, t);
    const find = (img: typeof frame) => {
      for (let y = 0; y + W <= panel.height; y++) {
        for (let x = 0; x + W <= panel.width; x++) {
          let same = true;
          for (let r = 0; r < W && same; r++) {
            const a = panel.data.subarray(((y + r) * panel.width + x) * 4, ((y + r) * panel.width + x + W) * 4);
            const b = img.data.subarray(r * W * 4, (r + 1) * W * 4);
            same = a.every((v, i) => v === b[i]);
          }
          if (same) return { x, y };
        }
      }
      return null;
    };
    const positions = views.map((v) => find(v.image));
    expect(positions.every((p) => p !== null)).toBe(true);
    expect(positions[0]!.y).toBe(positions[1]!.y);
    expect(positions[2]!.y).toBeGreaterThan(positions[0]!.y);
    expect(positions[1]!.x).toBeGreaterThan(positions[0]!.x);
    // some dark caption text pixels above the grid
    const captionRows = panel.data.subarray(0, positions[0]!.y * panel.width * 4);
    expect(captionRows.some((v, i) => i % 4 === 0 && v === 20)).toBe(true);
  });
});
