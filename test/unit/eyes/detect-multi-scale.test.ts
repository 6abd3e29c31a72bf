import { describe, expect, it } from 'vitest';
import { detectMultiScale, detectMultiScaleRaw } from '../../../src/model/eyes/detect-multi-scale';
import { parseHaarCascade } from '../../../src/model/eyes/parse-haar-cascade';
import { grayFromRows, RIGHT_BRIGHTER_XML } from './haar-fixtures';

const cascade = parseHaarCascade(RIGHT_BRIGHTER_XML);
const image = (columns: number[], height: number) => grayFromRows(Array.from({ length: height }, () => columns));

describe('detectMultiScaleRaw (hand-made 6×6 cascade: right half brighter than left)', () => {
  it('slides with step 2 below scale 2, skips flat windows and finds the edge (by hand)', () => {
    // columns 0–5 dark, 6–11 bright; windows at x = 0 and 6 are flat, 2 and 4 straddle the edge
    const hits = detectMultiScaleRaw(cascade, image([0, 0, 0, 0, 0, 0, 200, 200, 200, 200, 200, 200], 8), { scaleFactor: 1.1, minSize: 0, maxSize: 6 });
    expect(hits).toEqual([
      { x: 2, y: 0, width: 6, height: 6, scaleIndex: 0 },
      { x: 4, y: 0, width: 6, height: 6, scaleIndex: 0 },
      { x: 2, y: 2, width: 6, height: 6, scaleIndex: 0 },
      { x: 4, y: 2, width: 6, height: 6, scaleIndex: 0 },
    ]);
  });

  it('skips the next window after a stage-0 rejection, as OpenCV does', () => {
    // x = 0: left brighter → rejected by stage 0 → x = 2 (which would pass) is skipped; x = 4 passes
    const hits = detectMultiScaleRaw(cascade, image([255, 255, 0, 0, 0, 0, 200, 200, 200, 200, 200, 200], 8), { scaleFactor: 1.1, minSize: 0, maxSize: 6 });
    expect(hits.map((h) => [h.x, h.y])).toEqual([[4, 0], [4, 2]]);
  });

  it('maps hits of larger scales back to image coordinates with scaled windows', () => {
    const columns = Array.from({ length: 24 }, (_, x) => (x < 12 ? 0 : 200));
    const hits = detectMultiScaleRaw(cascade, image(columns, 16), { scaleFactor: 2, minSize: 0, maxSize: 0 });
    const scale2 = hits.filter((h) => h.scaleIndex === 1);
    expect(scale2.length).toBeGreaterThan(0);
    for (const h of scale2) {
      expect([h.width, h.height]).toEqual([12, 12]);
      expect(h.x).toBeLessThan(12); // window straddles the edge at x = 12
      expect(h.x + 12).toBeGreaterThan(12);
    }
  });
});

describe('detectMultiScale', () => {
  it('groups raw hits by minNeighbors and clips to the image', () => {
    const gray = image([0, 0, 0, 0, 0, 0, 200, 200, 200, 200, 200, 200], 8);
    const options = { scaleFactor: 1.1, minSize: 0, maxSize: 6 };
    // SimilarRects delta = 0.2 · (6 + 6) / 2 = 1.2 < 2 px between hits → four singletons, none with > 1 member
    expect(detectMultiScale(cascade, gray, { ...options, minNeighbors: 1 })).toEqual([]);
    expect(detectMultiScale(cascade, gray, { ...options, minNeighbors: 0 })).toHaveLength(4);
  });
});
