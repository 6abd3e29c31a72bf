import { describe, expect, it } from 'vitest';
import { createLatestFrameSlot } from '../../../src/capture/latest-frame-slot';

describe('createLatestFrameSlot', () => {
  it('sends the first frame at once and keeps only the newest while busy', () => {
    const slot = createLatestFrameSlot<number>();
    expect(slot.offer(1)).toEqual({ send: 1, dropped: null });
    expect(slot.offer(2)).toEqual({ send: null, dropped: null });
    expect(slot.offer(3)).toEqual({ send: null, dropped: 2 });
    expect(slot.done()).toBe(3);
    expect(slot.busy).toBe(true);
    expect(slot.done()).toBeNull();
    expect(slot.busy).toBe(false);
    expect(slot.offer(4)).toEqual({ send: 4, dropped: null });
  });

  it('reset hands back the waiting frame and frees the slot', () => {
    const slot = createLatestFrameSlot<string>();
    slot.offer('a');
    slot.offer('b');
    expect(slot.reset()).toBe('b');
    expect(slot.busy).toBe(false);
    expect(slot.offer('c').send).toBe('c');
  });
});
