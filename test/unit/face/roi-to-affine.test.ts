import { describe, expect, it } from 'vitest';
import { affineToTransformRow } from '../../../src/model/face/calculators/affine-to-transform-row';
import { applyAffine } from '../../../src/model/face/calculators/apply-affine';
import { projectDetection } from '../../../src/model/face/calculators/project-detection';
import { roiToAffine } from '../../../src/model/face/calculators/roi-to-affine';

const close = (actual: number[], expected: number[]) => actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));

describe('roiToAffine', () => {
  it('maps the crop corners and centre onto the region, axis-aligned', () => {
    const m = roiToAffine({ centerX: 100, centerY: 50, width: 40, height: 40, angle: 0 }, 4);
    close(applyAffine(m, [0, 0]), [80, 30]);
    close(applyAffine(m, [4, 4]), [120, 70]);
    close(applyAffine(m, [2, 2]), [100, 50]);
  });

  it('rotates the crop axes by the angle (crop x follows the region axis)', () => {
    const m = roiToAffine({ centerX: 0, centerY: 0, width: 2, height: 2, angle: Math.PI / 2 }, 2);
    // the crop's right-middle point lies along +y in the image (clockwise on screen)
    close(applyAffine(m, [2, 1]), [0, 1]);
    close(applyAffine(m, [1, 0]), [1, 0]);
  });

  it('mirrors horizontally: the crop\'s left edge comes from the region\'s right edge', () => {
    const m = roiToAffine({ centerX: 10, centerY: 10, width: 4, height: 4, angle: 0 }, 4, true);
    close(applyAffine(m, [0, 2]), [12, 10]);
    close(applyAffine(m, [4, 2]), [8, 10]);
  });
});

describe('affineToTransformRow', () => {
  it('converts a continuous-coordinate map into pixel-index form for tf.image.transform', () => {
    // identity stays identity (centre of pixel i is i + ½ in both spaces)
    close(affineToTransformRow([1, 0, 0, 0, 1, 0]), [1, 0, 0, 0, 1, 0, 0, 0]);
    // scaling by 2: output pixel 0 (centre ½) → input ½·2 = 1 → index 0.5
    close(affineToTransformRow([2, 0, 0, 0, 2, 0]), [2, 0, 0.5, 0, 2, 0.5, 0, 0]);
  });
});

describe('projectDetection', () => {
  it('maps box and keypoints to image pixels', () => {
    const m = roiToAffine({ centerX: 50, centerY: 50, width: 100, height: 100, angle: 0 }, 10);
    const d = projectDetection({ box: { xMin: 1, yMin: 2, xMax: 3, yMax: 4 }, keypoints: [[5, 5]], score: 0.7 }, m);
    close([d.box.xMin, d.box.yMin, d.box.xMax, d.box.yMax], [10, 20, 30, 40]);
    close(d.keypoints[0], [50, 50]);
    expect(d.score).toBe(0.7);
  });
});
