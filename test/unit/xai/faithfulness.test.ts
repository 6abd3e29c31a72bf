import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../src/image';
import {
  blurPerturbation,
  createDeletionMetric,
  createInsertionMetric,
  MEAN_COLOR_PERTURBATION,
  type Perturbation,
  rankPixels,
  trapezoidAuc,
} from '../../../src/xai/faithfulness';
import type { ScalarMap } from '../../../src/xai/types';
import { REGION, SIZE, inRegion, whiteRegionModel } from './toy-models';

const white: RgbaImage = { width: SIZE, height: SIZE, data: new Uint8ClampedArray(SIZE * SIZE * 4).fill(255) };
const black: Perturbation = {
  name: 'black',
  removedImage: (image) => ({ width: image.width, height: image.height, data: new Uint8ClampedArray(image.data.length).fill(0).map((_, i) => (i % 4 === 3 ? 255 : 0)) }),
};
const regionFirst: ScalarMap = { width: SIZE, height: SIZE, values: Float32Array.from({ length: SIZE * SIZE }, (_, i) => (inRegion(i % SIZE, Math.floor(i / SIZE)) ? 1 : 0)) };
const regionLast: ScalarMap = { ...regionFirst, values: regionFirst.values.map((v) => 1 - v) };
const share = ((REGION.x1 - REGION.x0) * (REGION.y1 - REGION.y0)) / (SIZE * SIZE); // R is 1/16 of the image

describe('deletion and insertion AUC', () => {
  it('trapezoid area over equally spaced points', () => {
    expect(trapezoidAuc([1, 1])).toBe(1);
    expect(trapezoidAuc([1, 0])).toBe(0.5);
    expect(trapezoidAuc([1, 0, 0, 0])).toBeCloseTo(1 / 6, 12);
  });

  it('ranks pixels by decreasing saliency, ties in row-major order', () => {
    expect(Array.from(rankPixels({ width: 2, height: 2, values: Float32Array.of(0.1, 0.9, 0.1, 0.5) }))).toEqual([1, 3, 0, 2]);
  });

  it('deletion: the right ranking kills the class within R\'s share of the steps; the reversed one only at the end', async () => {
    const model = whiteRegionModel();
    const deletion = createDeletionMetric({ perturbation: black });
    const good = await deletion.score(model, white, regionFirst, 0);
    const bad = await deletion.score(model, white, regionLast, 0);
    expect(good.probabilities).toHaveLength(225);
    expect(good.probabilities[0]).toBe(1);
    expect(good.probabilities[224]).toBe(0);
    // the curve falls linearly to 0 over the first 1/16 of the steps: area ≈ share / 2
    expect(good.auc).toBeCloseTo(share / 2, 2);
    expect(bad.auc).toBeCloseTo(1 - share / 2, 2);
  });

  it('insertion mirrors deletion', async () => {
    const model = whiteRegionModel();
    const insertion = createInsertionMetric({ perturbation: black, steps: 64 });
    const good = await insertion.score(model, white, regionFirst, 0);
    const bad = await insertion.score(model, white, regionLast, 0);
    expect(good.probabilities).toHaveLength(65);
    expect(good.probabilities[0]).toBe(0);
    expect(good.auc).toBeCloseTo(1 - share / 2, 2);
    expect(bad.auc).toBeCloseTo(share / 2, 2);
  });

  it('is cancellable', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(createDeletionMetric().score(whiteRegionModel(), white, regionFirst, 0, { signal: controller.signal })).rejects.toThrow(/abort/i);
  });

  it('perturbations: mean colour is flat at the mean; blur keeps a flat image flat and smooths an edge', () => {
    const data = new Uint8ClampedArray(16 * 4);
    for (let i = 0; i < 16; i++) data.set([i < 8 ? 0 : 200, 100, 50, 255], i * 4);
    const image = { width: 4, height: 4, data };
    const mean = MEAN_COLOR_PERTURBATION.removedImage(image);
    expect(Array.from(mean.data.subarray(0, 4))).toEqual([100, 100, 50, 255]);
    expect(Array.from(mean.data.subarray(60, 64))).toEqual([100, 100, 50, 255]);
    const blurred = blurPerturbation(1).removedImage(image);
    expect(blurred.data[1]).toBe(100);
    expect(blurred.data[7 * 4]).toBeGreaterThan(0); // row 1 (red 0) picks up row 2's red
    expect(blurred.data[7 * 4]).toBeLessThan(100);
  });
});
