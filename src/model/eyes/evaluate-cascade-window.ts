import type { CompiledHaarCascade } from './compile-haar-cascade';
import type { IntegralImages } from './integral-image';

export interface WindowVerdict {
  /** 1 = passed every stage; otherwise −(index of the stage that rejected), so 0 = rejected by stage 0. */
  result: number;
  /** The last stage's sum of leaf values. */
  stageSum: number;
}

/**
 * Runs the cascade on the window whose top-left corner is (x, y) in the integral images, as OpenCV's
 * predictOrdered / predictOrderedStump: feature value = float32(Σ wᵢ·rectSumᵢ) × normFactor,
 * `value < node.threshold` goes left, leaves summed per stage, `sum < stage.threshold` rejects.
 */
export function evaluateCascadeWindow(
  compiled: CompiledHaarCascade,
  integral: IntegralImages,
  x: number,
  y: number,
  normFactor: number,
): WindowVerdict {
  const { cascade, offsets, weights, tilted } = compiled;
  if (integral.stride !== compiled.stride) throw new Error('Cascade compiled for another integral-image stride');
  const base = y * integral.stride + x;
  const sum = integral.sum;
  const tiltedSum = integral.tilted;
  const featureValue = (f: number): number => {
    const img = tilted[f] ? tiltedSum! : sum;
    const o = f * 12;
    const s0 = img[base + offsets[o]] - img[base + offsets[o + 1]] - img[base + offsets[o + 2]] + img[base + offsets[o + 3]];
    const s1 = img[base + offsets[o + 4]] - img[base + offsets[o + 5]] - img[base + offsets[o + 6]] + img[base + offsets[o + 7]];
    let v = Math.fround(Math.fround(weights[f * 3] * s0) + Math.fround(weights[f * 3 + 1] * s1));
    const w2 = weights[f * 3 + 2];
    if (w2 !== 0) {
      const s2 = img[base + offsets[o + 8]] - img[base + offsets[o + 9]] - img[base + offsets[o + 10]] + img[base + offsets[o + 11]];
      v = Math.fround(v + Math.fround(w2 * s2));
    }
    return Math.fround(v * normFactor);
  };
  let stageSum = 0;
  for (let s = 0; s < cascade.stages.length; s++) {
    const stage = cascade.stages[s];
    stageSum = 0;
    for (const weak of stage.weakClassifiers) {
      let idx = 0;
      do {
        const node = weak.nodes[idx];
        idx = featureValue(node.featureIndex) < node.threshold ? node.left : node.right;
      } while (idx > 0);
      stageSum += weak.leaves[-idx];
    }
    if (stageSum < stage.threshold) return { result: -s, stageSum };
  }
  return { result: 1, stageSum };
}
