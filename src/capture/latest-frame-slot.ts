/**
 * Back-pressure between a frame source and a slower analyser: at most one frame is in flight and
 * at most one waits; a newer frame replaces the waiting one (the dropped one is handed back so its
 * resources can be released). Analysis therefore always works on the freshest frame and never queues.
 */
export interface LatestFrameSlot<F> {
  /** Offers a frame. Returns the frame to send now (if the analyser is idle) and any frame dropped. */
  offer(frame: F): { send: F | null; dropped: F | null };
  /** The analyser finished the in-flight frame; returns the waiting frame to send next, if any. */
  done(): F | null;
  /** Forget everything (e.g. the analyser restarted); returns the waiting frame to release. */
  reset(): F | null;
  readonly busy: boolean;
}

export function createLatestFrameSlot<F>(): LatestFrameSlot<F> {
  let busy = false;
  let waiting: F | null = null;
  return {
    offer(frame) {
      if (!busy) {
        busy = true;
        return { send: frame, dropped: null };
      }
      const dropped = waiting;
      waiting = frame;
      return { send: null, dropped };
    },
    done() {
      const next = waiting;
      waiting = null;
      busy = next !== null;
      return next;
    },
    reset() {
      const dropped = waiting;
      waiting = null;
      busy = false;
      return dropped;
    },
    get busy() {
      return busy;
    },
  };
}
