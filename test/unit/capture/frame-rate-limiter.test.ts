import { describe, expect, it } from 'vitest';
import { createFrameRateLimiter } from '../../../src/capture/frame-rate-limiter';

const sampled = (fps: number, times: number[]) => {
  const limiter = createFrameRateLimiter(fps);
  return times.filter((t) => limiter.take(t));
};

describe('createFrameRateLimiter', () => {
  it('takes 5 of 30 frames a second at 5 fps', () => {
    const frames = Array.from({ length: 30 }, (_, i) => i * (1000 / 30));
    expect(sampled(5, frames)).toHaveLength(5);
  });

  it('keeps its schedule under jitter instead of drifting', () => {
    // Frames every 100 ms, each 1 ms late: a naive "now - last >= interval" would drop every other one.
    const frames = Array.from({ length: 20 }, (_, i) => i * 100 + (i % 2));
    expect(sampled(10, frames)).toHaveLength(20);
  });

  it('does not burst after a pause', () => {
    const taken = sampled(5, [0, 200, 5000, 5010, 5100, 5200, 5400]);
    expect(taken).toEqual([0, 200, 5000, 5200, 5400]);
  });

  it('rejects rates outside (0, 60]', () => {
    expect(() => createFrameRateLimiter(0)).toThrow(/between 0 and 60/);
    expect(() => createFrameRateLimiter(Number.NaN)).toThrow(RangeError);
    expect(() => createFrameRateLimiter(61)).toThrow(RangeError);
  });
});
