import { describe, expect, it } from 'vitest';
import { boundsOfPoints } from '../../../src/model/face/calculators/bounds-of-points';
import { calculateRoi, normalizeRadians } from '../../../src/model/face/calculators/calculate-roi';
import { imageRoi } from '../../../src/model/face/calculators/image-roi';

describe('calculateRoi', () => {
  const box = { xMin: 10, yMin: 20, xMax: 50, yMax: 40 };

  it('centres on the box, scales and squares on the long side', () => {
    const roi = calculateRoi(box, [0, 0], [1, 0], 1.5);
    expect(roi).toEqual({ centerX: 30, centerY: 30, width: 60, height: 60, angle: 0 });
  });

  it('turns by the axis angle: clockwise on screen (y down) is positive', () => {
    expect(calculateRoi(box, [0, 0], [1, 1], 1).angle).toBeCloseTo(Math.PI / 4);
    expect(calculateRoi(box, [0, 0], [1, -1], 1).angle).toBeCloseTo(-Math.PI / 4);
    expect(calculateRoi(box, [1, 0], [0, 0], 1).angle).toBeCloseTo(-Math.PI); // upside down
  });

  it('builds an eye region from two corners as MediaPipe does (bounds of the corners)', () => {
    const corners: [number, number][] = [[100, 50], [120, 54]];
    const roi = calculateRoi(boundsOfPoints(corners), corners[0], corners[1], 2.3);
    expect(roi.centerX).toBe(110);
    expect(roi.centerY).toBe(52);
    expect(roi.width).toBeCloseTo(46);
    expect(roi.angle).toBeCloseTo(Math.atan2(4, 20));
  });
});

describe('normalizeRadians', () => {
  it('wraps into [-π, π)', () => {
    expect(normalizeRadians(3 * Math.PI / 2)).toBeCloseTo(-Math.PI / 2);
    expect(normalizeRadians(-3 * Math.PI / 2)).toBeCloseTo(Math.PI / 2);
    expect(normalizeRadians(0.25)).toBe(0.25);
  });
});

describe('imageRoi', () => {
  it('is the image centred in a square of its long side times the scale', () => {
    expect(imageRoi(640, 480)).toEqual({ centerX: 320, centerY: 240, width: 640, height: 640, angle: 0 });
    expect(imageRoi(100, 200, 1.5)).toEqual({ centerX: 50, centerY: 100, width: 300, height: 300, angle: 0 });
  });
});
