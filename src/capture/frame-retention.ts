/**
 * The page side keeps the pixels of the frames it sent to the engine (by frameId), so that when a
 * frame's analysis comes back its full pixels — not the JPEG the engine saw — can be kept for
 * export. Bounded, and it releases (ImageBitmap.close) every frame it drops: nothing leaks.
 *
 * Frames are analysed in the order they are sent (one in flight), so taking frame N also releases
 * every frame sent before it: their analyses have come back or failed.
 */
export interface FrameRetention<F> {
  /** Holds a sent frame; the oldest is released beyond the capacity. */
  keep(frameId: number, frame: F): void;
  /** Hands over frame `frameId` (the caller now owns it) and releases older ones; null if it was dropped. */
  take(frameId: number): F | null;
  /** Releases everything (the engine restarted, or the relay stopped). */
  clear(): void;
  readonly size: number;
}

/** Enough for the frame in flight, the one being encoded and one to spare. */
export const DEFAULT_FRAME_RETENTION_CAPACITY = 3;

export function createFrameRetention<F>(release: (frame: F) => void, capacity = DEFAULT_FRAME_RETENTION_CAPACITY): FrameRetention<F> {
  // Insertion order is send order, so the first key is the oldest.
  const frames = new Map<number, F>();
  const drop = (frameId: number) => {
    const frame = frames.get(frameId);
    frames.delete(frameId);
    if (frame !== undefined) release(frame);
  };
  return {
    keep(frameId, frame) {
      drop(frameId);
      frames.set(frameId, frame);
      while (frames.size > capacity) drop(frames.keys().next().value as number);
    },
    take(frameId) {
      const frame = frames.get(frameId);
      frames.delete(frameId);
      for (const id of [...frames.keys()]) if (id < frameId) drop(id);
      return frame ?? null;
    },
    clear() {
      for (const id of [...frames.keys()]) drop(id);
    },
    get size() {
      return frames.size;
    },
  };
}
