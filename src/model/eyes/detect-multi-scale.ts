import { cascadeScales, type ScaleSearch } from './cascade-scales';
import { compileHaarCascade, type CompiledHaarCascade } from './compile-haar-cascade';
import { cvRound } from './cv-round';
import { evaluateCascadeWindow } from './evaluate-cascade-window';
import { groupRectangles, type GroupedRect } from './group-rectangles';
import type { HaarCascade, PixelRect } from './haar-types';
import { computeIntegralImages } from './integral-image';
import { resizeLinearExact } from './resize-linear-exact';
import type { GrayImage } from './rgba-to-gray';
import { windowVarianceNorm } from './window-variance-norm';

export interface DetectMultiScaleOptions extends ScaleSearch {
  /** OpenCV minNeighbors: a group needs more than this many raw hits (0 = no grouping). */
  minNeighbors: number;
}

/** OpenCV's defaults for CascadeClassifier::detectMultiScale. */
export const DEFAULT_DETECT_MULTI_SCALE_OPTIONS: DetectMultiScaleOptions = {
  scaleFactor: 1.1,
  minNeighbors: 3,
  minSize: 0,
  maxSize: 0,
};

/** OpenCV's GROUP_EPS in detectMultiScale. */
const GROUP_EPS = 0.2;

/** Compiled layouts per cascade and stride: the pyramid layer sizes repeat from frame to frame. */
const compiledByCascade = new WeakMap<HaarCascade, Map<number, CompiledHaarCascade>>();

function compiledFor(cascade: HaarCascade, stride: number): CompiledHaarCascade {
  let byStride = compiledByCascade.get(cascade);
  if (!byStride) compiledByCascade.set(cascade, (byStride = new Map()));
  let compiled = byStride.get(stride);
  if (!compiled) byStride.set(stride, (compiled = compileHaarCascade(cascade, stride)));
  return compiled;
}

export interface RawHit extends PixelRect {
  /** Index into the scale list. */
  scaleIndex: number;
}

/**
 * OpenCV detectMultiScaleNoGrouping on a gray image: for each scale, resize the image by 1/scale
 * (INTER_LINEAR_EXACT, rounded size), build its integral images, slide the original-size window
 * with step 2 below scale 2 and 1 from it on, skip one extra step after a stage-0 rejection, and map
 * hits back as (cvRound(x·scale), cvRound(y·scale), cvRound(w·scale), cvRound(h·scale)).
 */
export function detectMultiScaleRaw(cascade: HaarCascade, gray: GrayImage, search: ScaleSearch): RawHit[] {
  const { windowWidth: ww, windowHeight: wh } = cascade;
  const scales = cascadeScales(gray.width, gray.height, ww, wh, search);
  const hits: RawHit[] = [];
  scales.forEach((scale, scaleIndex) => {
    const layerW = cvRound(Math.fround(gray.width / scale));
    const layerH = cvRound(Math.fround(gray.height / scale));
    const layer = layerW === gray.width && layerH === gray.height ? gray : resizeLinearExact(gray, layerW, layerH);
    const integral = computeIntegralImages(layer, cascade.hasTiltedFeatures);
    const compiled = compiledFor(cascade, integral.stride);
    const step = scale >= 2 ? 1 : 2;
    const workW = Math.max(layerW + 1 - ww, 0);
    const workH = Math.max(layerH + 1 - wh, 0);
    const winW = cvRound(Math.fround(ww * scale));
    const winH = cvRound(Math.fround(wh * scale));
    for (let y = 0; y < workH; y += step) {
      for (let x = 0; x < workW; x += step) {
        const norm = windowVarianceNorm(integral, x, y, ww, wh);
        if (norm === null) continue; // OpenCV runAt returns −1 here: no extra skip.
        const { result } = evaluateCascadeWindow(compiled, integral, x, y, norm);
        if (result > 0) {
          hits.push({ x: cvRound(Math.fround(x * scale)), y: cvRound(Math.fround(y * scale)), width: winW, height: winH, scaleIndex });
        } else if (result === 0) {
          x += step;
        }
      }
    }
  });
  return hits;
}

/** OpenCV CascadeClassifier::detectMultiScale: raw hits, groupRectangles(minNeighbors, 0.2), clipped to the image. */
export function detectMultiScale(
  cascade: HaarCascade,
  gray: GrayImage,
  options: DetectMultiScaleOptions = DEFAULT_DETECT_MULTI_SCALE_OPTIONS,
): GroupedRect[] {
  const raw = detectMultiScaleRaw(cascade, gray, options);
  const grouped = groupRectangles(raw, options.minNeighbors, GROUP_EPS);
  const clipped: GroupedRect[] = [];
  for (const r of grouped) {
    const x0 = Math.max(r.x, 0);
    const y0 = Math.max(r.y, 0);
    const x1 = Math.min(r.x + r.width, gray.width);
    const y1 = Math.min(r.y + r.height, gray.height);
    if (x1 > x0 && y1 > y0) clipped.push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0, neighbors: r.neighbors });
  }
  return clipped;
}
