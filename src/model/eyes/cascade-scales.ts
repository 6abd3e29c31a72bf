import { cvRound } from './cv-round';

export interface ScaleSearch {
  scaleFactor: number;
  /** Smallest object (window) size in pixels; 0 = no limit. */
  minSize: number;
  /** Largest object size in pixels; 0 = the image size (OpenCV's default). */
  maxSize: number;
}

/**
 * OpenCV detectMultiScaleNoGrouping's scale list: factor = scaleFactorⁿ (double), kept as float32,
 * stopping when the rounded window exceeds maxSize or the image, skipping those under minSize.
 */
export function cascadeScales(
  imageWidth: number,
  imageHeight: number,
  windowWidth: number,
  windowHeight: number,
  search: ScaleSearch,
): number[] {
  if (!(search.scaleFactor > 1)) throw new Error('scaleFactor must be > 1');
  const maxW = search.maxSize > 0 ? search.maxSize : imageWidth;
  const maxH = search.maxSize > 0 ? search.maxSize : imageHeight;
  const scales: number[] = [];
  for (let factor = 1; ; factor *= search.scaleFactor) {
    const w = cvRound(windowWidth * factor);
    const h = cvRound(windowHeight * factor);
    if (w > maxW || h > maxH || w > imageWidth || h > imageHeight) break;
    if (w < search.minSize || h < search.minSize) continue;
    scales.push(Math.fround(factor));
  }
  return scales;
}
