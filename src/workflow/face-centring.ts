import type { Box } from '../model/face/types';

/** Where the face centre sits relative to the frame centre, as fractions of the frame's width and height (−0.5…0.5). */
export interface FaceOffset {
  /** Positive: the face is right of centre. */
  x: number;
  /** Positive: the face is below centre. */
  y: number;
}

export function faceOffset(box: Box, frame: { width: number; height: number }): FaceOffset {
  return {
    x: (box.x + box.width / 2) / frame.width - 0.5,
    y: (box.y + box.height / 2) / frame.height - 0.5,
  };
}

/** Whether the face centre is within the tolerated offsets (fractions of the frame) on both axes. */
export function isCentred(offset: FaceOffset, tolerance: { x: number; y: number }): boolean {
  return Math.abs(offset.x) <= tolerance.x && Math.abs(offset.y) <= tolerance.y;
}
