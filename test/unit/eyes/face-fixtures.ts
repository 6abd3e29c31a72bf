import { EAR_MESH_INDICES, type EyeSide } from '../../../src/model/eyes/constants';
import type { FaceLandmarks, Point3 } from '../../../src/model/face/types';

/**
 * A synthetic face whose eyes are `width` px wide with lids `halfOpening` px above and below the
 * corner line (so EAR = 2·halfOpening / width), right eye centred at (cx, cy), left eye 2·width to its right.
 */
export function syntheticFace(opts: { cx: number; cy: number; width: number; halfOpening: number; irisDiameter?: number; meshScore?: number }): FaceLandmarks {
  const mesh: Point3[] = Array.from({ length: 468 }, () => [0, 0, 0]);
  const iris: { left: Point3[]; right: Point3[] } = { left: [], right: [] };
  const place = (side: EyeSide, cx: number) => {
    const i = EAR_MESH_INDICES[side];
    const { width: w, halfOpening: h, cy } = { ...opts };
    const outer = side === 'right' ? -1 : 1;
    mesh[i.p1] = [cx + (outer * w) / 2, cy, 0];
    mesh[i.p4] = [cx - (outer * w) / 2, cy, 0];
    mesh[i.p2] = [cx + (outer * w) / 6, cy - h, 0];
    mesh[i.p3] = [cx - (outer * w) / 6, cy - h, 0];
    mesh[i.p6] = [cx + (outer * w) / 6, cy + h, 0];
    mesh[i.p5] = [cx - (outer * w) / 6, cy + h, 0];
    mesh[i.upperMid] = [cx, cy - h, 0];
    mesh[i.lowerMid] = [cx, cy + h, 0];
    const r = (opts.irisDiameter ?? w / 2.5) / 2;
    iris[side] = [[cx, cy, 0], [cx + r, cy, 0], [cx, cy - r, 0], [cx - r, cy, 0], [cx, cy + r, 0]];
  };
  place('right', opts.cx);
  place('left', opts.cx + 2 * opts.width);
  return {
    box: { x: opts.cx - opts.width, y: opts.cy - opts.width, width: opts.width * 4, height: opts.width * 4 },
    detectorScore: 0.9,
    mesh,
    meshScore: opts.meshScore ?? 0.95,
    iris,
  };
}
