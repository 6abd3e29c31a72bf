import { describe, expect, it } from 'vitest';
import { VIRIDIS, colorAt } from '../../../src/xai/colormap';
import { blit, drawText, heatmapImage, legendImage, outlineSegments, overlayHeatmap, OUTLINE_COLOR, showOnlySegments, blankImage } from '../../../src/xai/render';
import { gridSegmentation } from './toy-models';

const px = (data: Uint8ClampedArray, i: number) => Array.from(data.subarray(i * 4, i * 4 + 4));

describe('render', () => {
  it('viridis runs from dark purple to yellow and gets lighter monotonically', () => {
    // matplotlib's viridis(0) = (68, 1, 84), viridis(1) = (253, 231, 37); the polynomial is within 4/255
    colorAt(VIRIDIS, 0).forEach((v, i) => expect(Math.abs(v - [68, 1, 84][i])).toBeLessThanOrEqual(4));
    colorAt(VIRIDIS, 1).forEach((v, i) => expect(Math.abs(v - [253, 231, 37][i])).toBeLessThanOrEqual(4));
    const [r0, , b0] = colorAt(VIRIDIS, 0);
    const [r1, g1, b1] = colorAt(VIRIDIS, 1);
    expect(b0).toBeGreaterThan(r0);
    expect(r1).toBeGreaterThan(200);
    expect(g1).toBeGreaterThan(200);
    expect(b1).toBeLessThan(60);
    let last = -1;
    for (let i = 0; i < 256; i += 8) {
      const [r, g, b] = colorAt(VIRIDIS, i / 255);
      const luma = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      expect(luma).toBeGreaterThan(last);
      last = luma;
    }
  });

  it('heatmap and overlay', () => {
    const map = { width: 2, height: 1, values: Float32Array.of(0, 1) };
    const heat = heatmapImage(map);
    expect(px(heat.data, 1)).toEqual([...colorAt(VIRIDIS, 1), 255]);
    const image = blankImage(2, 1, [200, 100, 0]);
    const over = overlayHeatmap(image, map, 0.5);
    const [r, g, b] = colorAt(VIRIDIS, 1);
    expect(px(over.data, 1)).toEqual([Math.round(100 + r / 2), Math.round(50 + g / 2), Math.round(b / 2), 255]);
    expect(() => overlayHeatmap(blankImage(3, 1), map)).toThrow(/sizes differ/);
  });

  it('outlines only the chosen superpixels, on their border; dims the others', () => {
    const seg = gridSegmentation(8, 8, 4);
    const image = blankImage(8, 8, [0, 0, 0]);
    const out = outlineSegments(image, seg, [0]);
    expect(px(out.data, 0)).toEqual([...OUTLINE_COLOR, 255]); // corner of cell 0
    expect(px(out.data, 3)).toEqual([...OUTLINE_COLOR, 255]); // x = 3 borders cell 1
    expect(px(out.data, 1 * 8 + 1)).toEqual([0, 0, 0, 255]); // inside cell 0
    expect(px(out.data, 6 * 8 + 6)).toEqual([0, 0, 0, 255]); // cell 3 untouched
    const shown = showOnlySegments(blankImage(8, 8, [0, 0, 0]), seg, [0]);
    expect(px(shown.data, 0)).toEqual([0, 0, 0, 255]);
    expect(px(shown.data, 63)).toEqual([96, 96, 96, 255]);
  });

  it('legend, text and blit', () => {
    const legend = legendImage(100);
    expect(legend.width).toBe(100);
    expect(px(legend.data, 0).slice(0, 3)).toEqual(colorAt(VIRIDIS, 0));
    expect(px(legend.data, 99).slice(0, 3)).toEqual(colorAt(VIRIDIS, 1));
    const canvas = blankImage(20, 10);
    drawText(canvas, 'I', 0, 0, 1);
    expect(px(canvas.data, 2)).toEqual([20, 20, 20, 255]); // the I's stem is column 2
    expect(px(canvas.data, 0)).toEqual([255, 255, 255, 255]);
    const dst = blankImage(4, 4);
    blit(dst, blankImage(2, 2, [1, 2, 3]), 3, 3);
    expect(px(dst.data, 15)).toEqual([1, 2, 3, 255]);
    expect(px(dst.data, 14)).toEqual([255, 255, 255, 255]);
  });
});
