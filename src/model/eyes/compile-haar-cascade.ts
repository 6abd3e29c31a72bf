import type { HaarCascade } from './haar-types';

/**
 * A cascade laid out for one integral-image stride, like OpenCV's OptFeature: per feature three
 * rectangles × four corner offsets and three weights, stumps and trees flattened into typed arrays.
 */
export interface CompiledHaarCascade {
  cascade: HaarCascade;
  stride: number;
  /** 12 offsets per feature: rect r corner k at [f*12 + r*4 + k]; corner order p0 − p1 − p2 + p3. */
  offsets: Int32Array;
  /** 3 weights per feature (0 for an absent third rectangle). */
  weights: Float32Array;
  tilted: Uint8Array;
}

export function compileHaarCascade(cascade: HaarCascade, stride: number): CompiledHaarCascade {
  const n = cascade.features.length;
  const offsets = new Int32Array(n * 12);
  const weights = new Float32Array(n * 3);
  const tilted = new Uint8Array(n);
  cascade.features.forEach((feature, f) => {
    tilted[f] = feature.tilted ? 1 : 0;
    feature.rects.forEach((r, k) => {
      const o = f * 12 + k * 4;
      weights[f * 3 + k] = r.weight;
      if (feature.tilted) {
        // OpenCV CV_TILTED_OFS: (x,y), (x−h, y+h), (x+w, y+w), (x+w−h, y+w+h).
        offsets[o] = r.x + stride * r.y;
        offsets[o + 1] = r.x - r.height + stride * (r.y + r.height);
        offsets[o + 2] = r.x + r.width + stride * (r.y + r.width);
        offsets[o + 3] = r.x + r.width - r.height + stride * (r.y + r.width + r.height);
      } else {
        offsets[o] = r.x + stride * r.y;
        offsets[o + 1] = r.x + r.width + stride * r.y;
        offsets[o + 2] = r.x + stride * (r.y + r.height);
        offsets[o + 3] = r.x + r.width + stride * (r.y + r.height);
      }
    });
  });
  return { cascade, stride, offsets, weights, tilted };
}
