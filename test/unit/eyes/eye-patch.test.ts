import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../src/image';
import { eyePatch } from '../../../src/model/eyes/eye-patch';
import { patchLogit, validateEyePatchModel } from '../../../src/model/eyes/eye-patch-model';
import { syntheticFace } from './face-fixtures';

const CONFIG = { cols: 16, rows: 10, halfWidth: 0.65, halfHeight: 0.4, supersample: 3 };

/** An image whose gray level is f(x, y) (pixel coordinates divided by `scale`). */
function imageOf(width: number, height: number, scale: number, f: (x: number, y: number) => number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = f(x / scale, y / scale);
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

// a dark disc ("iris") in each eye, mirror-symmetric about x = 100 (eyes centred at 78 and 122, 22 px wide)
const irises = (x: number, y: number) => (Math.hypot(Math.abs(x - 100) - 22 + 2, y - 80) < 5 ? 40 : 200 - 0.5 * (y - 80));

describe('eyePatch', () => {
  it('is zero-mean and unit-variance', () => {
    const p = eyePatch(imageOf(200, 160, 1, irises), syntheticFace({ cx: 78, cy: 80, width: 22, halfOpening: 4 }), 'right', CONFIG);
    const mean = p.reduce((a, b) => a + b, 0) / p.length;
    const variance = p.reduce((a, b) => a + (b - mean) ** 2, 0) / p.length;
    expect(mean).toBeCloseTo(0, 5);
    expect(variance).toBeCloseTo(1, 4);
  });

  it('lays both eyes out the same way (outer corner first), so a mirror-symmetric face gives equal patches', () => {
    // syntheticFace puts the left eye 2 widths right of the right one: centres 78 and 122
    const face = syntheticFace({ cx: 78, cy: 80, width: 22, halfOpening: 4 });
    const image = imageOf(200, 160, 1, irises);
    const right = eyePatch(image, face, 'right', CONFIG);
    const left = eyePatch(image, face, 'left', CONFIG);
    for (let k = 0; k < right.length; k++) expect(left[k]).toBeCloseTo(right[k], 1);
  });

  it('does not depend on the size of the eye in the image', () => {
    const small = eyePatch(imageOf(200, 160, 1, irises), syntheticFace({ cx: 78, cy: 80, width: 22, halfOpening: 4 }), 'right', CONFIG);
    const large = eyePatch(imageOf(600, 480, 3, irises), syntheticFace({ cx: 234, cy: 240, width: 66, halfOpening: 12 }), 'right', CONFIG);
    const meanAbsDiff = small.reduce((a, v, k) => a + Math.abs(v - large[k]), 0) / small.length;
    expect(meanAbsDiff).toBeLessThan(0.1);
  });
});

describe('patchLogit', () => {
  it('is the bias plus the weighted patch', () => {
    const model = validateEyePatchModel({ patch: { ...CONFIG, cols: 2, rows: 1 }, weights: [2, -1], bias: 0.5 });
    expect(patchLogit(model, Float32Array.from([1, 3]))).toBeCloseTo(0.5 + 2 - 3, 10);
  });
});

describe('patchLogit with a hidden layer', () => {
  const model = validateEyePatchModel({
    patch: { ...CONFIG, cols: 2, rows: 1 },
    hidden: { weights: [1, 0, 0, 1], bias: [0, -1] },
    weights: [2, -3],
    bias: 0.5,
  });

  it('sums the output weights over the active ReLU units only', () => {
    // units: relu(x0) = 1.5, relu(x1 - 1) = 1 → 0.5 + 2·1.5 − 3·1
    expect(patchLogit(model, Float32Array.from([1.5, 2]))).toBeCloseTo(0.5 + 3 - 3, 10);
    // both units inactive: the bias alone
    expect(patchLogit(model, Float32Array.from([-1, 0.5]))).toBeCloseTo(0.5, 10);
  });

  it('rejects a hidden layer whose shape does not fit the patch or the output', () => {
    const patch = { ...CONFIG, cols: 2, rows: 1 };
    expect(() => validateEyePatchModel({ patch, hidden: { weights: [1, 0, 0], bias: [0, 0] }, weights: [1, 1], bias: 0 })).toThrow(/hidden layer/);
    expect(() => validateEyePatchModel({ patch, hidden: { weights: [1, 0, 0, 1], bias: [0, 0] }, weights: [1, 1, 1], bias: 0 })).toThrow(/2 finite weights/);
    expect(() => validateEyePatchModel({ patch, hidden: { weights: [1, 0, 0, Number.NaN], bias: [0, 0] }, weights: [1, 1], bias: 0 })).toThrow(/hidden layer/);
  });
});
