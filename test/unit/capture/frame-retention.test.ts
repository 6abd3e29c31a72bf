import { describe, expect, it } from 'vitest';
import { createFrameRetention } from '../../../src/capture/frame-retention';

/** Frames are objects with a `closed` flag, like ImageBitmap.close(). */
function setup(capacity?: number) {
  const released: number[] = [];
  const frame = (id: number) => ({ id, closed: false });
  const retention = createFrameRetention<{ id: number; closed: boolean }>((f) => {
    expect(f.closed).toBe(false); // never released twice
    f.closed = true;
    released.push(f.id);
  }, capacity);
  return { retention, released, frame };
}

describe('createFrameRetention', () => {
  it('hands over a kept frame without releasing it, and releases the older ones', () => {
    const { retention, released, frame } = setup();
    retention.keep(1, frame(1));
    retention.keep(2, frame(2));
    retention.keep(3, frame(3));
    const taken = retention.take(2);
    expect(taken).toEqual({ id: 2, closed: false });
    expect(released).toEqual([1]);
    expect(retention.size).toBe(1);
    expect(retention.take(2)).toBeNull();
  });

  it('is bounded: beyond its capacity the oldest frame is released', () => {
    const { retention, released, frame } = setup(2);
    for (let id = 1; id <= 5; id++) retention.keep(id, frame(id));
    expect(retention.size).toBe(2);
    expect(released).toEqual([1, 2, 3]);
    expect(retention.take(1)).toBeNull();
    expect(retention.take(5)?.id).toBe(5);
    expect(released).toEqual([1, 2, 3, 4]);
  });

  it('releases everything on clear, and a frame kept twice under one id once', () => {
    const { retention, released, frame } = setup();
    retention.keep(1, frame(1));
    retention.keep(1, frame(10));
    retention.keep(2, frame(2));
    retention.clear();
    expect(released.sort()).toEqual([1, 10, 2].sort());
    expect(retention.size).toBe(0);
  });
});
