import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleWithin } from '../../../src/model/load-timeout';

describe('settleWithin', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes a load that settles in time through, its result or its error', async () => {
    const dispose = vi.fn();
    await expect(settleWithin(Promise.resolve('model'), 100, () => new Error('late'), dispose)).resolves.toBe('model');
    await expect(settleWithin(Promise.reject(new Error('HTTP 404')), 100, () => new Error('late'), dispose)).rejects.toThrow('HTTP 404');
    expect(dispose).not.toHaveBeenCalled();
  });

  it('rejects with the named timeout, and disposes the model if it arrives later', async () => {
    let arrive!: (model: string) => void;
    const dispose = vi.fn();
    const outcome = settleWithin(new Promise<string>((r) => (arrive = r)), 100, () => new Error('Could not load model.json: timed out after 100 ms'), dispose).catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(100);
    expect(await outcome).toBe('Could not load model.json: timed out after 100 ms');
    arrive('late model');
    await vi.advanceTimersByTimeAsync(0);
    expect(dispose).toHaveBeenCalledWith('late model');
  });
});
