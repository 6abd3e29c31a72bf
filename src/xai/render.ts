import type { RgbaImage } from '../image';
import { GLYPH_ADVANCE, GLYPH_HEIGHT, rasterizeText } from './bitmap-font';
import { type ColorMap, VIRIDIS } from './colormap';
import type { ScalarMap, Segmentation } from './types';

export type Rgb = readonly [number, number, number];

/** Outline colour for superpixels: pure yellow, visible on viridis and on skin. */
export const OUTLINE_COLOR: Rgb = [255, 221, 0];

export function blankImage(width: number, height: number, rgb: Rgb = [255, 255, 255]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) (data[i] = rgb[0], data[i + 1] = rgb[1], data[i + 2] = rgb[2], data[i + 3] = 255);
  return { width, height, data };
}

/** A [0, 1] map painted with a colour map (default viridis: dark blue = 0, yellow = 1). */
export function heatmapImage(map: ScalarMap, colormap: ColorMap = VIRIDIS): RgbaImage {
  const data = new Uint8ClampedArray(map.values.length * 4);
  map.values.forEach((v, i) => {
    const c = Math.round(Math.min(Math.max(v, 0), 1) * 255) * 3;
    data.set([colormap[c], colormap[c + 1], colormap[c + 2], 255], i * 4);
  });
  return { width: map.width, height: map.height, data };
}

/**
 * The heatmap blended over the image, imageWeight·image + (1 − imageWeight)·heatmap, as
 * pytorch-grad-cam's show_cam_on_image does (without its rescaling to the brightest pixel).
 */
export function overlayHeatmap(image: RgbaImage, map: ScalarMap, imageWeight = 0.5, colormap: ColorMap = VIRIDIS): RgbaImage {
  assertSameSize(image, map);
  const heat = heatmapImage(map, colormap).data;
  const data = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < data.length; i += 4) {
    for (let ch = 0; ch < 3; ch++) data[i + ch] = Math.round(imageWeight * image.data[i + ch] + (1 - imageWeight) * heat[i + ch]);
    data[i + 3] = 255;
  }
  return { width: image.width, height: image.height, data };
}

/**
 * Keeps the chosen superpixels as they are and dims the rest towards grey (lime's
 * get_image_and_mask(hide_rest=True) blacks them out; dimming keeps the context readable).
 */
export function showOnlySegments(image: RgbaImage, segmentation: Segmentation, segments: readonly number[], dim = 0.75): RgbaImage {
  assertSameSize(image, segmentation);
  const keep = segmentSet(segmentation, segments);
  const data = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < segmentation.labels.length; i++) {
    const shown = keep[segmentation.labels[i]];
    for (let ch = 0; ch < 3; ch++) {
      const v = image.data[i * 4 + ch];
      data[i * 4 + ch] = shown ? v : Math.round(v * (1 - dim) + 128 * dim);
    }
    data[i * 4 + 3] = 255;
  }
  return { width: image.width, height: image.height, data };
}

/** Draws the boundary pixels of the chosen superpixels (those with a 4-neighbour outside the superpixel). */
export function outlineSegments(image: RgbaImage, segmentation: Segmentation, segments: readonly number[], rgb: Rgb = OUTLINE_COLOR): RgbaImage {
  assertSameSize(image, segmentation);
  const { width, height, labels } = segmentation;
  const keep = segmentSet(segmentation, segments);
  const data = image.data.slice();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const l = labels[i];
      if (!keep[l]) continue;
      const edge =
        x === 0 || y === 0 || x === width - 1 || y === height - 1 ||
        labels[i - 1] !== l || labels[i + 1] !== l || labels[i - width] !== l || labels[i + width] !== l;
      if (edge) data.set([rgb[0], rgb[1], rgb[2], 255], i * 4);
    }
  }
  return { width, height, data };
}

/** A horizontal colour bar from 0 (left) to 1 (right) with "low" / "high" labels under it. */
export function legendImage(width: number, colormap: ColorMap = VIRIDIS, scale = 2): RgbaImage {
  const barHeight = 12;
  const textTop = barHeight + 4;
  const out = blankImage(width, textTop + GLYPH_HEIGHT * scale + 2);
  for (let x = 0; x < width; x++) {
    const c = Math.round((x / Math.max(width - 1, 1)) * 255) * 3;
    for (let y = 0; y < barHeight; y++) out.data.set([colormap[c], colormap[c + 1], colormap[c + 2], 255], (y * width + x) * 4);
  }
  drawText(out, 'low', 0, textTop, scale);
  drawText(out, 'high', width - 4 * GLYPH_ADVANCE * scale, textTop, scale);
  return out;
}

/** Draws text in place with the 5×7 bitmap font; pixels outside the image are skipped. */
export function drawText(image: RgbaImage, text: string, x: number, y: number, scale = 2, rgb: Rgb = [20, 20, 20]): void {
  rasterizeText(text, x, y, scale, (px, py) => {
    if (px < 0 || py < 0 || px >= image.width || py >= image.height) return;
    image.data.set([rgb[0], rgb[1], rgb[2], 255], (py * image.width + px) * 4);
  });
}

/** Copies `src` into `dst` with its top-left corner at (x, y), clipped to dst. */
export function blit(dst: RgbaImage, src: RgbaImage, x: number, y: number): void {
  for (let row = 0; row < src.height; row++) {
    const dy = y + row;
    if (dy < 0 || dy >= dst.height) continue;
    const from = Math.max(0, -x);
    const to = Math.min(src.width, dst.width - x);
    if (to <= from) continue;
    dst.data.set(src.data.subarray((row * src.width + from) * 4, (row * src.width + to) * 4), (dy * dst.width + x + from) * 4);
  }
}

function segmentSet(segmentation: Segmentation, segments: readonly number[]): Uint8Array {
  const keep = new Uint8Array(segmentation.count);
  for (const s of segments) keep[s] = 1;
  return keep;
}

function assertSameSize(a: { width: number; height: number }, b: { width: number; height: number }): void {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`render: sizes differ (${a.width}×${a.height} vs ${b.width}×${b.height})`);
}
