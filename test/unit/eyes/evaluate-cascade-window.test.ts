import { describe, expect, it } from 'vitest';
import { compileHaarCascade } from '../../../src/model/eyes/compile-haar-cascade';
import { evaluateCascadeWindow } from '../../../src/model/eyes/evaluate-cascade-window';
import { computeIntegralImages } from '../../../src/model/eyes/integral-image';
import { parseHaarCascade } from '../../../src/model/eyes/parse-haar-cascade';
import { cascadeXml, grayFromRows, RIGHT_BRIGHTER_XML } from './haar-fixtures';

const halves = (lo: number, hi: number) => Array.from({ length: 6 }, () => [lo, lo, lo, hi, hi, hi]);

describe('evaluateCascadeWindow', () => {
  const cascade = parseHaarCascade(RIGHT_BRIGHTER_XML);

  it('passes a one-stage cascade when the right half is brighter, rejects at stage 0 otherwise', () => {
    const bright = computeIntegralImages(grayFromRows(halves(0, 200)), false);
    const dark = computeIntegralImages(grayFromRows(halves(200, 0)), false);
    const compiled = compileHaarCascade(cascade, 7);
    expect(evaluateCascadeWindow(compiled, bright, 0, 0, 1 / 1600)).toEqual({ result: 1, stageSum: 1 });
    expect(evaluateCascadeWindow(compiled, dark, 0, 0, 1 / 1600)).toEqual({ result: -0, stageSum: -1 });
  });

  it('compares float32(feature) × normFactor against the node threshold (value 2.25 here)', () => {
    const at = (threshold: number) => {
      const xml = cascadeXml({ width: 6, height: 6, stages: [{ threshold: 0, weak: [{ nodes: [[0, -1, 0, threshold]], leaves: [-1, 1] }] }], features: [{ rects: [[0, 0, 6, 6, -1], [3, 0, 3, 6, 2]] }] });
      const c = parseHaarCascade(xml);
      return evaluateCascadeWindow(compileHaarCascade(c, 7), computeIntegralImages(grayFromRows(halves(0, 200)), false), 0, 0, Math.fround(1 / 1600)).result;
    };
    expect(at(2.25)).toBe(1); // 2.25 < 2.25 is false → right leaf
    expect(at(2.2500001)).toBe(1); // stored as float32 → exactly 2.25
    expect(at(2.2500003)).toBe(-0); // next float32 above 2.25
  });

  it('walks trees node by node and reports the rejecting stage', () => {
    // stage 0: tree root on feature 0 (right brighter?) → node 1 on feature 1 (top brighter?) → leaves
    const xml = cascadeXml({
      width: 6,
      height: 6,
      stages: [
        { threshold: 0.5, weak: [{ nodes: [[-0, 1, 0, 0], [-1, -2, 1, 0]], leaves: [-5, -1, 1] }] },
        { threshold: 10, weak: [{ nodes: [[0, -1, 0, 0]], leaves: [0, 0] }] },
      ],
      features: [{ rects: [[0, 0, 6, 6, -1], [3, 0, 3, 6, 2]] }, { rects: [[0, 0, 6, 6, 1], [0, 0, 6, 3, -2]] }],
    });
    const c = parseHaarCascade(xml);
    const compiled = compileHaarCascade(c, 7);
    const rightBright = computeIntegralImages(grayFromRows(halves(0, 200)), false);
    // feature 0 = 3600 ≥ 0 → node 1; feature 1 = total − 2·top = 0 ≥ 0 → leaf 2 = +1 ≥ 0.5; stage 1 sum 0 < 10 → −1
    expect(evaluateCascadeWindow(compiled, rightBright, 0, 0, 1 / 1600)).toEqual({ result: -1, stageSum: 0 });
    const leftBright = computeIntegralImages(grayFromRows(halves(200, 0)), false);
    expect(evaluateCascadeWindow(compiled, leftBright, 0, 0, 1 / 1600)).toEqual({ result: -0, stageSum: -5 });
  });

  it('sums tilted rectangles over the tilted integral image', () => {
    // a tilted 1×1 rect at (3,0): T(3,0) − T(2,1) − T(4,1) + T(3,2) = 0 − 0 − I(3,0) + (I(2,0) + I(3,0)) = 100 here
    const xml = cascadeXml({ width: 6, height: 6, stages: [{ threshold: 0, weak: [{ nodes: [[0, -1, 0, 150]], leaves: [-1, 1] }] }], features: [{ rects: [[3, 0, 1, 1, 1]], tilted: true }] });
    const c = parseHaarCascade(xml);
    const rows = Array.from({ length: 6 }, (_, y) => Array.from({ length: 6 }, (_, x) => (y === 0 && (x === 2 || x === 3) ? 100 : 0)));
    const ii = computeIntegralImages(grayFromRows(rows), true);
    const compiled = compileHaarCascade(c, 7);
    expect(evaluateCascadeWindow(compiled, ii, 0, 0, 1).result).toBe(-0); // 100 < 150
    expect(evaluateCascadeWindow(compiled, ii, 0, 0, 1.6).result).toBe(1); // 160 ≥ 150
    expect(evaluateCascadeWindow(compiled, ii, 0, 0, 1.49).result).toBe(-0); // 149 < 150
  });
});
