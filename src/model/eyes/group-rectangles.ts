import { cvRound } from './cv-round';
import type { PixelRect } from './haar-types';

export interface GroupedRect extends PixelRect {
  /** How many raw detections were averaged into this one (OpenCV's numDetections / weights). */
  neighbors: number;
}

/** OpenCV SimilarRects: all four edges within eps × mean of the smaller width and height. */
export function similarRects(a: PixelRect, b: PixelRect, eps: number): boolean {
  const delta = eps * (Math.min(a.width, b.width) + Math.min(a.height, b.height)) * 0.5;
  return (
    Math.abs(a.x - b.x) <= delta &&
    Math.abs(a.y - b.y) <= delta &&
    Math.abs(a.x + a.width - b.x - b.width) <= delta &&
    Math.abs(a.y + a.height - b.y - b.height) <= delta
  );
}

/** OpenCV cv::partition: transitive closure of `similar`, classes numbered by first appearance. */
export function partition(rects: PixelRect[], similar: (a: PixelRect, b: PixelRect) => boolean): number[] {
  const parent = rects.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let i = 0; i < rects.length; i++) {
    for (let j = 0; j < rects.length; j++) {
      if (i !== j && similar(rects[i], rects[j])) {
        const ri = find(i);
        const rj = find(j);
        if (ri !== rj) parent[rj] = ri;
      }
    }
  }
  const labelOfRoot = new Map<number, number>();
  return rects.map((_, i) => {
    const root = find(i);
    if (!labelOfRoot.has(root)) labelOfRoot.set(root, labelOfRoot.size);
    return labelOfRoot.get(root)!;
  });
}

/**
 * OpenCV groupRectangles(rectList, groupThreshold, eps): cluster with SimilarRects(eps), average
 * each cluster (float32 1/n, cvRound), keep clusters with more than groupThreshold members, and drop
 * a cluster lying inside another (within eps of its size) that has more members (> max(3, n)) or
 * when it has fewer than 3 itself. groupThreshold ≤ 0 returns the input unchanged (each with 1 neighbour).
 */
export function groupRectangles(rects: PixelRect[], groupThreshold: number, eps: number): GroupedRect[] {
  if (groupThreshold <= 0 || rects.length === 0) return rects.map((r) => ({ ...r, neighbors: 1 }));
  const labels = partition(rects, (a, b) => similarRects(a, b, eps));
  const nClasses = Math.max(...labels) + 1;
  const acc = Array.from({ length: nClasses }, () => ({ x: 0, y: 0, width: 0, height: 0, n: 0 }));
  labels.forEach((c, i) => {
    acc[c].x += rects[i].x;
    acc[c].y += rects[i].y;
    acc[c].width += rects[i].width;
    acc[c].height += rects[i].height;
    acc[c].n++;
  });
  const averaged = acc.map((a) => {
    const s = Math.fround(1 / a.n);
    const avg = (v: number) => cvRound(Math.fround(v * s));
    return { x: avg(a.x), y: avg(a.y), width: avg(a.width), height: avg(a.height), neighbors: a.n };
  });
  const out: GroupedRect[] = [];
  for (let i = 0; i < nClasses; i++) {
    const r1 = averaged[i];
    const n1 = r1.neighbors;
    if (n1 <= groupThreshold) continue;
    const inside = averaged.some((r2, j) => {
      const n2 = r2.neighbors;
      if (j === i || n2 <= groupThreshold) return false;
      const dx = cvRound(r2.width * eps);
      const dy = cvRound(r2.height * eps);
      return (
        r1.x >= r2.x - dx &&
        r1.y >= r2.y - dy &&
        r1.x + r1.width <= r2.x + r2.width + dx &&
        r1.y + r1.height <= r2.y + r2.height + dy &&
        (n2 > Math.max(3, n1) || n1 < 3)
      );
    });
    if (!inside) out.push(r1);
  }
  return out;
}
