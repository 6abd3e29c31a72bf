import type { Box } from '../face/types';

/**
 * The region the classifier looks at: with a face box, a square of side `scale` × the box's longer
 * side centred on the box — shifted (not clipped) to stay inside the image so the face is never
 * stretched, and clipped only when the image itself is smaller than the square; without a box, the
 * whole frame.
 */
export function cropRegion(imageWidth: number, imageHeight: number, faceBox: Box | undefined, scale: number): Box {
  if (!faceBox) return { x: 0, y: 0, width: imageWidth, height: imageHeight };
  const side = Math.max(faceBox.width, faceBox.height) * scale;
  const width = Math.min(side, imageWidth);
  const height = Math.min(side, imageHeight);
  const cx = faceBox.x + faceBox.width / 2;
  const cy = faceBox.y + faceBox.height / 2;
  const x = Math.min(Math.max(cx - width / 2, 0), imageWidth - width);
  const y = Math.min(Math.max(cy - height / 2, 0), imageHeight - height);
  return { x, y, width, height };
}
