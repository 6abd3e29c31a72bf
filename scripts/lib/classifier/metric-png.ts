/** PNG renderings of metrics only (no dataset pixels): confusion matrix and reliability diagram. */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { GLYPH_ADVANCE, GLYPH_HEIGHT, rasterizeText } from '../../../src/xai/bitmap-font';
import type { ClassificationReport, ReliabilityBin } from './metrics';

type Rgb = [number, number, number];

class Canvas {
  readonly png: PNG;
  constructor(width: number, height: number) {
    this.png = new PNG({ width, height });
    this.png.data.fill(255);
  }
  rect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    for (let yy = Math.max(0, Math.round(y)); yy < Math.min(this.png.height, Math.round(y + h)); yy++) {
      for (let xx = Math.max(0, Math.round(x)); xx < Math.min(this.png.width, Math.round(x + w)); xx++) {
        const i = (yy * this.png.width + xx) * 4;
        this.png.data[i] = r;
        this.png.data[i + 1] = g;
        this.png.data[i + 2] = b;
        this.png.data[i + 3] = 255;
      }
    }
  }
  text(x: number, y: number, s: string, scale: number, colour: Rgb): void {
    rasterizeText(s, Math.round(x), Math.round(y), scale, (px, py) => this.rect(px, py, 1, 1, colour));
  }
  save(path: string): void {
    writeFileSync(path, PNG.sync.write(this.png));
  }
}

export function confusionPng(report: ClassificationReport, title: string, path: string): void {
  const n = report.classes.length;
  const cell = 64;
  const left = 100;
  const top = 50;
  const c = new Canvas(left + n * cell + 20, top + n * cell + 40);
  c.text(10, 10, title, 2, [0, 0, 0]);
  report.confusion.forEach((row, i) => {
    const support = row.reduce((a, b) => a + b, 0) || 1;
    c.text(10, top + i * cell + cell / 2 - GLYPH_HEIGHT, report.classes[i], 2, [0, 0, 0]);
    row.forEach((v, j) => {
      const share = v / support;
      const shade = Math.round(255 * (1 - share));
      c.rect(left + j * cell, top + i * cell, cell - 2, cell - 2, i === j ? [shade, shade, 255] : [255, shade, shade]);
      const label = String(v);
      c.text(left + j * cell + cell / 2 - (label.length * GLYPH_ADVANCE * 2) / 2, top + i * cell + cell / 2 - GLYPH_HEIGHT, label, 2, share > 0.5 ? [255, 255, 255] : [0, 0, 0]);
    });
  });
  report.classes.forEach((name, j) => c.text(left + j * cell + 2, top + n * cell + 8, name.slice(0, 5), 2, [0, 0, 0]));
  c.save(path);
}

export function reliabilityPng(bins: readonly ReliabilityBin[], ece: number, title: string, path: string): void {
  const size = 300;
  const left = 40;
  const top = 40;
  const c = new Canvas(left + size + 20, top + size + 40);
  c.text(10, 10, `${title} ECE ${ece.toFixed(3)}`, 2, [0, 0, 0]);
  c.rect(left, top, size, size, [245, 245, 245]);
  // diagonal: perfect calibration
  for (let i = 0; i < size; i++) c.rect(left + i, top + size - i - 1, 1, 1, [150, 150, 150]);
  const w = size / bins.length;
  for (const [k, b] of bins.entries()) {
    if (b.count === 0) continue;
    c.rect(left + k * w + 1, top + size * (1 - b.accuracy), w - 2, size * b.accuracy, [70, 110, 200]);
    c.rect(left + k * w + 1, top + size * (1 - b.confidence) - 1, w - 2, 3, [220, 60, 60]);
  }
  c.text(left, top + size + 10, '0   CONFIDENCE   1', 2, [0, 0, 0]);
  c.save(path);
}
