import type { Box } from '../model/face/types';

/** The face box of one analysed frame, with the frame's capture time (ms). */
export interface TrackedBox {
  box: Box;
  capturedAt: number;
}

const centre = (box: Box) => [box.x + box.width / 2, box.y + box.height / 2] as const;

/**
 * How far the face moved over the recent frames: the largest distance between the latest box centre
 * and any centre of the last `windowMs` (at least the previous frame, so that a slow machine analysing
 * fewer than one frame per window can still tell), in units of the latest face height (so it means
 * the same near and far from the camera). Null before there are two frames.
 */
export function faceMotion(track: readonly TrackedBox[], windowMs: number): number | null {
  const latest = track.at(-1);
  if (!latest) return null;
  const inWindow = track.filter((t) => latest.capturedAt - t.capturedAt <= windowMs && t.capturedAt <= latest.capturedAt);
  const recent = inWindow.length >= 2 ? inWindow : track.slice(-2);
  if (recent.length < 2 || recent[0].capturedAt > latest.capturedAt) return null;
  const [lx, ly] = centre(latest.box);
  let largest = 0;
  for (const { box } of recent) {
    const [x, y] = centre(box);
    largest = Math.max(largest, Math.hypot(x - lx, y - ly));
  }
  return largest / latest.box.height;
}

/** The track with a new frame's box appended; frames older than `windowMs` before it are dropped, except the previous one. */
export function extendTrack(track: readonly TrackedBox[], next: TrackedBox, windowMs: number): TrackedBox[] {
  // A new stream restarts the clock: its timestamps may be earlier than the old ones.
  const earlier = track.filter((t) => t.capturedAt <= next.capturedAt);
  const kept = earlier.filter((t, i) => next.capturedAt - t.capturedAt <= windowMs || i === earlier.length - 1);
  return [...kept, next];
}
