/**
 * A 2-D similarity transform (rotation, uniform scale, translation):
 *   x' = a·x − b·y + tx,   y' = b·x + a·y + ty
 * where a = s·cos θ and b = s·sin θ. Two point pairs determine it exactly.
 */
export interface Point2 {
  x: number;
  y: number;
}

export interface SimilarityTransform {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

/** The similarity that maps `from[0]` onto `to[0]` and `from[1]` onto `to[1]`. */
export function similarityFromPointPairs(from: readonly [Point2, Point2], to: readonly [Point2, Point2]): SimilarityTransform {
  const fx = from[1].x - from[0].x;
  const fy = from[1].y - from[0].y;
  const gx = to[1].x - to[0].x;
  const gy = to[1].y - to[0].y;
  const norm = fx * fx + fy * fy;
  if (norm === 0) throw new Error('similarityFromPointPairs: the two source points coincide');
  // (a + ib) = (g) / (f) in complex numbers.
  const a = (gx * fx + gy * fy) / norm;
  const b = (gy * fx - gx * fy) / norm;
  return { a, b, tx: to[0].x - (a * from[0].x - b * from[0].y), ty: to[0].y - (b * from[0].x + a * from[0].y) };
}

export function applySimilarity(t: SimilarityTransform, p: Point2): Point2 {
  return { x: t.a * p.x - t.b * p.y + t.tx, y: t.b * p.x + t.a * p.y + t.ty };
}

export function invertSimilarity(t: SimilarityTransform): SimilarityTransform {
  const norm = t.a * t.a + t.b * t.b;
  if (norm === 0) throw new Error('invertSimilarity: the transform is degenerate');
  const a = t.a / norm;
  const b = -t.b / norm;
  return { a, b, tx: -(a * t.tx - b * t.ty), ty: -(b * t.tx + a * t.ty) };
}

/** Scale factor s and rotation θ (radians, counter-clockwise in x-right/y-down image axes is clockwise on screen). */
export function similarityScaleAndAngle(t: SimilarityTransform): { scale: number; angle: number } {
  return { scale: Math.hypot(t.a, t.b), angle: Math.atan2(t.b, t.a) };
}
