/**
 * Differential test against an independent Viola–Jones implementation: jsfeat 0.0.8's own
 * haar.detect_single_scale / detect_multi_scale / group_rectangles with its JS conversion of
 * haarcascade_eye, versus our evaluator on OpenCV's XML of the same cascade, on a real photo.
 *
 * jsfeat differs from OpenCV 4's CascadeClassifier in documented ways, so the test pins each one:
 *  1. variance normalisation over the full 20×20 window with area 400 (OpenCV: the 18×18 normrect,
 *     area 324, and windows with σ ≤ 10 rejected outright);
 *  2. stage thresholds without OpenCV's THRESHOLD_EPS (1e-5) and double instead of float32 arithmetic;
 *  3. multi-scale by scaling (and truncating) the features, not by an INTER_LINEAR_EXACT image
 *     pyramid; step ⌊0.5·s + 1.5⌋ image pixels and one skipped step after a hit (OpenCV: 2 layer pixels
 *     below scale 2, 1 above, one skipped step after a stage-0 rejection);
 *  4. its own grouping (corner distance ⌊w/4 + ½⌋, width ratio 1.5, `n ≥ minNeighbors`, unrounded
 *     averages, no nested-rectangle filter) instead of groupRectangles (SimilarRects eps 0.2,
 *     `n > minNeighbors`, cvRound, nested filter).
 * Everything else — parsed cascade, integral images, feature geometry and weights, stump decisions,
 * stage sums and rejections — must agree exactly, which the fixed-scale comparison checks by giving
 * our evaluator jsfeat's normalisation factor on jsfeat's window grid.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRgbaImage } from '../../../scripts/lib/node-io';
import { compileHaarCascade } from '../../../src/model/eyes/compile-haar-cascade';
import { detectMultiScale } from '../../../src/model/eyes/detect-multi-scale';
import { evaluateCascadeWindow } from '../../../src/model/eyes/evaluate-cascade-window';
import { groupRectangles } from '../../../src/model/eyes/group-rectangles';
import type { HaarCascade, PixelRect } from '../../../src/model/eyes/haar-types';
import { computeIntegralImages, type IntegralImages } from '../../../src/model/eyes/integral-image';
import { parseHaarCascade } from '../../../src/model/eyes/parse-haar-cascade';
import { rgbaToGray, type GrayImage } from '../../../src/model/eyes/rgba-to-gray';
import { windowVarianceNorm } from '../../../src/model/eyes/window-variance-norm';

interface JsfeatRect { x: number; y: number; width: number; height: number; neighbors: number }
interface JsfeatStump { features: number[][]; threshold: number; left_val: number; right_val: number }
interface JsfeatCascade { complexClassifiers: { simpleClassifiers: JsfeatStump[]; threshold: number }[]; size: [number, number] }

// jsfeat's build exports a CommonJS module; its cascades are browser scripts that assign into a global `jsfeat.haar`.
const require = createRequire(import.meta.url);
const jsfeat = require('jsfeat');
vm.runInNewContext(readFileSync('node_modules/jsfeat/cascades/eye.js', 'utf8'), { jsfeat });
const jsEye: JsfeatCascade = jsfeat.haar.eye;

const ASTRONAUT = '/usr/lib/python3/dist-packages/skimage/data/astronaut.png';
const EPS = Math.fround(1e-5);

function jsfeatIntegrals(gray: GrayImage) {
  const n = (gray.width + 1) * (gray.height + 1);
  const sum = new Int32Array(n);
  const sqsum = new Int32Array(n);
  jsfeat.imgproc.compute_integral_image({ cols: gray.width, rows: gray.height, data: gray.data }, sum, sqsum, null);
  return { sum, sqsum };
}

/** Our evaluator on jsfeat's scale-1 grid with jsfeat's normalisation (σ of the full window, area 400). */
function oursWithJsfeatNormalisation(cascade: HaarCascade, ii: IntegralImages, width: number, height: number) {
  const compiled = compileHaarCascade(cascade, ii.stride);
  const hits: string[] = [];
  const { stride, sum, sqsum } = ii;
  for (let y = 0; y < height - 20; y += 2) {
    for (let x = 0; x < width - 20; x += 2) {
      const a = y * stride + x;
      const box = (t: Int32Array) => t[a] - t[a + 20] - t[a + 20 * stride] + t[a + 20 * stride + 20];
      const mean = box(sum) / 400;
      const variance = (box(sqsum) >>> 0) / 400 - mean * mean;
      const sigma = variance > 0 ? Math.sqrt(variance) : 1;
      if (evaluateCascadeWindow(compiled, ii, x, y, 1 / (400 * sigma)).result > 0) {
        hits.push(`${x},${y}`);
        x += 2; // jsfeat skips one step after a hit
      }
    }
  }
  return hits;
}

function crop(gray: GrayImage, r: PixelRect): GrayImage {
  const data = new Uint8Array(r.width * r.height);
  for (let y = 0; y < r.height; y++) data.set(gray.data.subarray((r.y + y) * gray.width + r.x, (r.y + y) * gray.width + r.x + r.width), y * r.width);
  return { width: r.width, height: r.height, data };
}

const iou = (a: PixelRect, b: PixelRect) => {
  const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return (w * h) / (a.width * a.height + b.width * b.height - w * h);
};

describe('Haar evaluator vs jsfeat 0.0.8 (haarcascade_eye)', () => {
  let cascade: HaarCascade;
  let images: { name: string; gray: GrayImage }[];

  beforeAll(async () => {
    cascade = parseHaarCascade(readFileSync('public/models/vendor/opencv/haarcascade_eye.xml', 'utf8'));
    const gray = rgbaToGray(await readRgbaImage(ASTRONAUT));
    images = [
      { name: 'astronaut', gray },
      { name: 'astronaut eye crop', gray: crop(gray, { x: 150, y: 50, width: 150, height: 90 }) },
    ];
  });

  it('parses OpenCV XML into the same stages, stumps, rectangles and thresholds as jsfeat’s JS cascade', () => {
    expect(cascade.stages).toHaveLength(jsEye.complexClassifiers.length);
    expect([cascade.windowWidth, cascade.windowHeight]).toEqual(jsEye.size);
    cascade.stages.forEach((stage, s) => {
      const js = jsEye.complexClassifiers[s];
      expect(stage.threshold).toBe(Math.fround(Math.fround(js.threshold) - EPS));
      expect(stage.weakClassifiers).toHaveLength(js.simpleClassifiers.length);
      stage.weakClassifiers.forEach((weak, w) => {
        const jsStump = js.simpleClassifiers[w];
        expect(weak.nodes[0].threshold).toBe(Math.fround(jsStump.threshold));
        expect(weak.leaves).toEqual([Math.fround(jsStump.left_val), Math.fround(jsStump.right_val)]);
        const rects = cascade.features[weak.nodes[0].featureIndex].rects.map((r) => [r.x, r.y, r.width, r.height, r.weight]);
        expect(rects).toEqual(jsStump.features.map(([x, y, wd, h, weight]) => [x, y, wd, h, Math.fround(weight)]));
      });
    });
  });

  it('builds the same integral and squared-integral images as jsfeat', () => {
    for (const { gray } of images) {
      const ours = computeIntegralImages(gray, false);
      const theirs = jsfeatIntegrals(gray);
      expect(ours.sum).toEqual(theirs.sum);
      expect(ours.sqsum).toEqual(theirs.sqsum);
    }
  });

  it('gives exactly jsfeat’s raw window hits at scale 1 when given jsfeat’s normalisation', () => {
    for (const { name, gray } of images) {
      const { sum, sqsum } = jsfeatIntegrals(gray);
      const theirs: string[] = jsfeat.haar
        .detect_single_scale(sum, sqsum, null, null, gray.width, gray.height, 1, jsEye)
        .map((r: JsfeatRect) => `${r.x},${r.y}`);
      const ours = oursWithJsfeatNormalisation(cascade, computeIntegralImages(gray, false), gray.width, gray.height);
      expect(theirs.length, name).toBeGreaterThan(0);
      expect(ours, name).toEqual(theirs);
    }
  });

  it('normalises like OpenCV instead: 1/(324·σ) over the 18×18 normrect, windows with σ ≤ 10 never evaluated', () => {
    const { gray } = images[0];
    const ii = computeIntegralImages(gray, false);
    let rejected = 0;
    for (let y = 0; y + 20 < gray.height; y += 2) {
      for (let x = 0; x + 20 < gray.width; x += 2) {
        const norm = windowVarianceNorm(ii, x, y, 20, 20);
        const a = (y + 1) * ii.stride + x + 1;
        const box = (t: Int32Array) => t[a] - t[a + 18] - t[a + 18 * ii.stride] + t[a + 18 * ii.stride + 18];
        const mean = box(ii.sum) / 324;
        const sigma = Math.sqrt(Math.max(0, (box(ii.sqsum) >>> 0) / 324 - mean * mean));
        if (sigma < 9.999) expect(norm).toBeNull();
        if (sigma > 10.001) expect(Math.abs(norm! * 324 * sigma - 1)).toBeLessThan(1e-6); // float32 factor
        if (norm === null) rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(100); // astronaut.png has flat patches that OpenCV skips and jsfeat evaluates
  });

  it('finds the same two astronaut eyes as jsfeat’s multi-scale detector (within its rounding and grouping)', () => {
    const { gray } = images[0];
    const { sum, sqsum } = jsfeatIntegrals(gray);
    const theirsRaw: JsfeatRect[] = jsfeat.haar.detect_multi_scale(sum, sqsum, null, null, gray.width, gray.height, jsEye, 1.1, 1);
    const theirs: JsfeatRect[] = jsfeat.haar.group_rectangles(theirsRaw, 3);
    const ours = detectMultiScale(cascade, gray, { scaleFactor: 1.1, minNeighbors: 3, minSize: 0, maxSize: 0 });
    expect(theirs).toHaveLength(2);
    for (const t of theirs) {
      expect(Math.max(...ours.map((o) => iou(o, t)))).toBeGreaterThan(0.6);
    }
    // OpenCV's pyramid scan is denser (step 1 layer pixel from scale 2 on), so its groups carry more raw hits
    for (const o of ours.filter((r) => theirs.some((t) => iou(r, t) > 0.6))) expect(o.neighbors).toBeGreaterThan(11);
  });

  it('groups differently from jsfeat exactly where OpenCV documents it: n > minNeighbors and cvRound averages', () => {
    const three = [
      { x: 10, y: 10, width: 20, height: 20, neighbors: 1, confidence: 0 },
      { x: 11, y: 10, width: 20, height: 20, neighbors: 1, confidence: 0 },
      { x: 11, y: 11, width: 21, height: 21, neighbors: 1, confidence: 0 },
    ];
    const theirs: JsfeatRect[] = jsfeat.haar.group_rectangles(three.map((r) => ({ ...r })), 3);
    expect(theirs).toHaveLength(1); // jsfeat keeps n ≥ 3, averages as (2Σ + n) / 2n without truncation
    expect(theirs[0].x).toBeCloseTo((2 * 32 + 3) / 6, 10);
    expect(groupRectangles(three, 3, 0.2)).toEqual([]); // OpenCV keeps n > 3
    expect(groupRectangles(three, 2, 0.2)).toEqual([{ x: 11, y: 10, width: 20, height: 20, neighbors: 3 }]);
  });
});
