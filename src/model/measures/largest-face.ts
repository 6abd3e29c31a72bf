import type { Box } from '../face/types';

/** The face the verdict is about when several are in view: the largest box. */
export function largestFace<T extends { box: Box }>(faces: readonly T[]): T | null {
  let best: T | null = null;
  for (const face of faces) if (!best || face.box.width * face.box.height > best.box.width * best.box.height) best = face;
  return best;
}
