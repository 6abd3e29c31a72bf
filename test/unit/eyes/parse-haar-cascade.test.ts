import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assetFile } from '../../../scripts/assets/manifest';
import { parseHaarCascade } from '../../../src/model/eyes/parse-haar-cascade';
import { cascadeXml, RIGHT_BRIGHTER_XML } from './haar-fixtures';

const vendor = (name: string) => readFileSync(assetFile(`models/vendor/opencv/haarcascade_${name}.xml`), 'utf8');

describe('parseHaarCascade', () => {
  it('reads a hand-made cascade with float32 values and THRESHOLD_EPS', () => {
    const c = parseHaarCascade(RIGHT_BRIGHTER_XML);
    expect(c.windowWidth).toBe(6);
    expect(c.stages).toHaveLength(1);
    expect(c.stages[0].threshold).toBe(Math.fround(0 - Math.fround(1e-5)));
    expect(c.stages[0].weakClassifiers[0]).toEqual({ nodes: [{ left: 0, right: -1, featureIndex: 0, threshold: 0 }], leaves: [-1, 1] });
    expect(c.features[0]).toEqual({ rects: [{ x: 0, y: 0, width: 6, height: 6, weight: -1 }, { x: 3, y: 0, width: 3, height: 6, weight: 2 }], tilted: false });
    expect(c.hasTiltedFeatures).toBe(false);
  });

  it('reads haarcascade_eye: 24 stumps-only stages, 1066 weak classifiers, no tilted features', () => {
    const c = parseHaarCascade(vendor('eye'));
    expect([c.windowWidth, c.windowHeight, c.stages.length]).toEqual([20, 20, 24]);
    expect(c.stages.reduce((n, s) => n + s.weakClassifiers.length, 0)).toBe(1066);
    expect(c.stages.every((s) => s.weakClassifiers.every((w) => w.nodes.length === 1))).toBe(true);
    expect(c.stages[0].threshold).toBe(Math.fround(Math.fround(-1.4562760591506958) - Math.fround(1e-5)));
    expect(c.hasTiltedFeatures).toBe(false);
  });

  it('reads the tree nodes and tilted features of haarcascade_eye_tree_eyeglasses', () => {
    const c = parseHaarCascade(vendor('eye_tree_eyeglasses'));
    expect(c.stages).toHaveLength(30);
    const first = c.stages[0].weakClassifiers[0];
    expect(first.nodes.map((n) => [n.left, n.right, n.featureIndex])).toEqual([[2, 1, 0], [0, -1, 1], [-2, -3, 2]]);
    expect(first.leaves).toHaveLength(4);
    expect(c.features[0]).toEqual({ rects: [{ x: 8, y: 7, width: 12, height: 1, weight: -1 }, { x: 8, y: 7, width: 6, height: 1, weight: 2 }], tilted: true });
    expect(c.hasTiltedFeatures).toBe(true);
  });

  it('rejects the old opencv-haar-classifier layout and malformed trees', () => {
    expect(() => parseHaarCascade('<opencv_storage><eye type_id="opencv-haar-classifier"></eye></opencv_storage>')).toThrow(/pre-2.4/);
    const bad = cascadeXml({ width: 6, height: 6, stages: [{ threshold: 0, weak: [{ nodes: [[0, -1, 0, 0]], leaves: [1] }] }], features: [{ rects: [[0, 0, 1, 1, 1]] }] });
    expect(() => parseHaarCascade(bad)).toThrow(/one more leaf/);
  });
});
