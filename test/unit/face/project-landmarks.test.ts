import { describe, expect, it } from 'vitest';
import { projectLandmarks } from '../../../src/model/face/calculators/project-landmarks';
import { refineEyeLandmarks } from '../../../src/model/face/calculators/refine-eye-landmarks';
import { roiToAffine } from '../../../src/model/face/calculators/roi-to-affine';
import type { Point3 } from '../../../src/model/face/types';

describe('projectLandmarks', () => {
  it('projects crop pixels to image pixels and scales z like x', () => {
    const roi = { centerX: 200, centerY: 100, width: 96, height: 96, angle: 0 };
    const m = roiToAffine(roi, 192);
    const raw = [0, 0, 0, 96, 96, 10, 192, 48, -4];
    expect(projectLandmarks(raw, 0, 3, m, 192, roi.width)).toEqual([
      [152, 52, 0],
      [200, 100, 5],
      [248, 76, -2],
    ]);
    expect(projectLandmarks(raw, 1, 1, m, 192, roi.width)).toEqual([[200, 100, 5]]);
  });

  it('undoes a mirrored crop', () => {
    const roi = { centerX: 10, centerY: 10, width: 64, height: 64, angle: 0 };
    const [p] = projectLandmarks([8, 32, 0], 0, 1, roiToAffine(roi, 64, true), 64, 64);
    expect(p[0]).toBeCloseTo(10 + 24); // 8 px from the crop's left = 24 px right of centre in the image
  });
});

describe('refineEyeLandmarks', () => {
  it('replaces x and y at the given indices, keeps z, and leaves the input alone', () => {
    const mesh: Point3[] = [[0, 0, 1], [1, 1, 2], [2, 2, 3]];
    const refined = refineEyeLandmarks(mesh, [[9, 9, 99]], [1]);
    expect(refined).toEqual([[0, 0, 1], [9, 9, 2], [2, 2, 3]]);
    expect(mesh[1]).toEqual([1, 1, 2]);
    expect(() => refineEyeLandmarks(mesh, [], [1])).toThrow();
  });
});
