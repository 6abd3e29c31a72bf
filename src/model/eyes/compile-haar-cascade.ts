import type { HaarCascade } from './haar-types';

/**
 * A cascade laid out for one integral-image stride, like OpenCV's OptFeature and its flattened
 * nodes/leaves arrays: per feature three rectangles × four corner offsets and three weights; trees
 * as node and leaf arrays with per-tree offsets; stages as ranges of trees.
 */
export interface CompiledHaarCascade {
  stride: number;
  /** 12 offsets per feature: rect r corner k at [f*12 + r*4 + k]; corner order p0 − p1 − p2 + p3. */
  offsets: Int32Array;
  /** 3 weights per feature (0 for an absent third rectangle). */
  weights: Float32Array;
  tilted: Uint8Array;
  nodeLeft: Int32Array;
  nodeRight: Int32Array;
  nodeFeature: Int32Array;
  nodeThreshold: Float32Array;
  leaves: Float32Array;
  /** Per tree: index of its root node and of its leaf 0. */
  treeNode: Int32Array;
  treeLeaf: Int32Array;
  /** Per stage: first tree, tree count, threshold. */
  stageFirst: Int32Array;
  stageCount: Int32Array;
  stageThreshold: Float32Array;
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
  const trees = cascade.stages.flatMap((s) => s.weakClassifiers);
  const nodes = trees.flatMap((t) => t.nodes);
  const treeNode = new Int32Array(trees.length);
  const treeLeaf = new Int32Array(trees.length);
  let nodeOfs = 0;
  let leafOfs = 0;
  trees.forEach((t, i) => {
    treeNode[i] = nodeOfs;
    treeLeaf[i] = leafOfs;
    nodeOfs += t.nodes.length;
    leafOfs += t.leaves.length;
  });
  const stageFirst = new Int32Array(cascade.stages.length);
  let first = 0;
  cascade.stages.forEach((s, i) => {
    stageFirst[i] = first;
    first += s.weakClassifiers.length;
  });
  return {
    stride,
    offsets,
    weights,
    tilted,
    nodeLeft: Int32Array.from(nodes, (nd) => nd.left),
    nodeRight: Int32Array.from(nodes, (nd) => nd.right),
    nodeFeature: Int32Array.from(nodes, (nd) => nd.featureIndex),
    nodeThreshold: Float32Array.from(nodes, (nd) => nd.threshold),
    leaves: Float32Array.from(trees.flatMap((t) => t.leaves)),
    treeNode,
    treeLeaf,
    stageFirst,
    stageCount: Int32Array.from(cascade.stages, (s) => s.weakClassifiers.length),
    stageThreshold: Float32Array.from(cascade.stages, (s) => s.threshold),
  };
}
