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
  c: CompiledHaarCascade,
  integral: IntegralImages,
  x: number,
  y: number,
  normFactor: number,
): WindowVerdict {
  if (integral.stride !== c.stride) throw new Error('Cascade compiled for another integral-image stride');
  const base = y * integral.stride + x;
  const { offsets: o, weights: w, tilted, nodeLeft, nodeRight, nodeFeature, nodeThreshold, leaves, treeNode, treeLeaf } = c;
  const sum = integral.sum;
  const tiltedSum = integral.tilted ?? sum;
  let stageSum = 0;
  for (let s = 0; s < c.stageFirst.length; s++) {
    stageSum = 0;
    const end = c.stageFirst[s] + c.stageCount[s];
    for (let t = c.stageFirst[s]; t < end; t++) {
      const root = treeNode[t];
      let idx = 0;
      do {
        const node = root + idx;
        const f = nodeFeature[node];
        const img = tilted[f] ? tiltedSum : sum;
        const k = f * 12;
        const b = base;
        const s0 = img[b + o[k]] - img[b + o[k + 1]] - img[b + o[k + 2]] + img[b + o[k + 3]];
        const s1 = img[b + o[k + 4]] - img[b + o[k + 5]] - img[b + o[k + 6]] + img[b + o[k + 7]];
        let v = Math.fround(Math.fround(w[f * 3] * s0) + Math.fround(w[f * 3 + 1] * s1));
        const w2 = w[f * 3 + 2];
        if (w2 !== 0) {
          const s2 = img[b + o[k + 8]] - img[b + o[k + 9]] - img[b + o[k + 10]] + img[b + o[k + 11]];
          v = Math.fround(v + Math.fround(w2 * s2));
        }
        idx = Math.fround(v * normFactor) < nodeThreshold[node] ? nodeLeft[node] : nodeRight[node];
      } while (idx > 0);
      stageSum += leaves[treeLeaf[t] - idx];
    }
    if (stageSum < c.stageThreshold[s]) return { result: -s, stageSum };
  }
  return { result: 1, stageSum };
}
