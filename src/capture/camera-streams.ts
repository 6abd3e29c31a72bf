/**
 * Bookkeeping of the camera streams a page has opened, so the tap analyses the most recent live
 * one: when it ends, analysis falls back to the previous stream that is still live, if any.
 */
export interface CameraStreams<T> {
  add(id: string, stream: T): void;
  end(id: string): void;
  /** The most recently added stream that has not ended. */
  current(): { id: string; stream: T } | null;
  readonly size: number;
}

export function createCameraStreams<T>(): CameraStreams<T> {
  const live = new Map<string, T>(); // insertion order = age
  return {
    add(id, stream) {
      live.delete(id);
      live.set(id, stream);
    },
    end(id) {
      live.delete(id);
    },
    current() {
      let last: { id: string; stream: T } | null = null;
      for (const [id, stream] of live) last = { id, stream };
      return last;
    },
    get size() {
      return live.size;
    },
  };
}
