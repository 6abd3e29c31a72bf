import { describe, expect, it } from 'vitest';
import { measureEyeOpenness } from '../../../src/model/eyes/eye-openness';
import { syntheticFace } from './face-fixtures';

describe('measureEyeOpenness', () => {
  it('computes EAR = (|p2−p6| + |p3−p5|) / 2|p1−p4| per eye, with width and centre', () => {
    const face = syntheticFace({ cx: 100, cy: 80, width: 30, halfOpening: 3 });
    const right = measureEyeOpenness(face, 'right');
    expect(right.ear).toBeCloseTo(0.2, 10);
    expect(right.widthPx).toBeCloseTo(30, 10);
    expect(right.center).toEqual({ x: 100, y: 80 });
    expect(measureEyeOpenness(face, 'left').center).toEqual({ x: 160, y: 80 });
  });

  it('gives iris visibility = lid gap / iris diameter, clamped to 1, null without iris', () => {
    const face = syntheticFace({ cx: 100, cy: 80, width: 30, halfOpening: 3, irisDiameter: 12 });
    expect(measureEyeOpenness(face, 'right').irisVisibility).toBeCloseTo(0.5, 10);
    expect(measureEyeOpenness(syntheticFace({ cx: 100, cy: 80, width: 30, halfOpening: 9, irisDiameter: 12 }), 'left').irisVisibility).toBe(1);
    expect(measureEyeOpenness({ ...face, iris: undefined }, 'right').irisVisibility).toBeNull();
  });

  it('returns EAR 0 for closed lids', () => {
    expect(measureEyeOpenness(syntheticFace({ cx: 50, cy: 50, width: 20, halfOpening: 0 }), 'right').ear).toBe(0);
  });
});
