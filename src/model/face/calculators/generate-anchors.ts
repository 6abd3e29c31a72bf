import type { Point2 } from './types';

export interface AnchorLayer {
  stride: number;
  anchorsPerCell: number;
}

/**
 * SSD anchor centres in input pixels, in the order the detector emits its rows: layer by layer,
 * row-major over the grid, `anchorsPerCell` copies per cell (MediaPipe SsdAnchorsCalculator with
 * fixed_anchor_size, offset 0.5; human's generateAnchors gives the same list).
 */
export function generateAnchors(inputSize: number, layers: readonly AnchorLayer[]): Point2[] {
  const anchors: Point2[] = [];
  for (const { stride, anchorsPerCell } of layers) {
    const cells = Math.ceil(inputSize / stride);
    for (let row = 0; row < cells; row++) {
      for (let col = 0; col < cells; col++) {
        for (let n = 0; n < anchorsPerCell; n++) anchors.push([(col + 0.5) * stride, (row + 0.5) * stride]);
      }
    }
  }
  return anchors;
}
