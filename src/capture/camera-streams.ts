/**
 * Bookkeeping of the camera streams a page has opened, so the tap analyses the most recent live
 * one: when it ends, analysis falls back to the previous stream that is still live, if any.
 */
export interface CameraStreams<T> {
  add(id: string, stream: T): void;
  end(id: string): void;
  /** The most recently added stream that has not ended. */
  current(): { id: string; stream: T } | null;
  /** Every live stream, oldest first. */
  list(): { id: string; stream: T }[];
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
      return this.list().at(-1) ?? null;
    },
    list() {
      return [...live].map(([id, stream]) => ({ id, stream }));
    },
    get size() {
      return live.size;
    },
  };
}
