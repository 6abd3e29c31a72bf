import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLD_MS, initialStable, updateShownReady, updateStable, type Stable } from '../../../src/workflow/hysteresis';
import { DEFAULT_PROFILE_CONFIGS } from '../../../src/workflow/profiles';

/** Feeds [time, value] observations and returns the shown value after each. */
function shownAfter<T>(initial: T, observations: [number, T][], holdMs = DEFAULT_HOLD_MS): T[] {
  let state: Stable<T> = initialStable(initial);
  return observations.map(([at, value]) => (state = updateStable(state, value, at, holdMs)).shown);
}

describe('updateStable', () => {
  it('ignores flicker: a value that never holds for 500 ms never shows', () => {
    const frames: [number, boolean][] = [];
    for (let t = 0; t < 3000; t += 100) frames.push([t, t % 400 < 200]);
    expect(shownAfter(false, frames).every((shown) => shown === false)).toBe(true);
  });
  it('shows a steady change once it has held for the hold time', () => {
    const shown = shownAfter<string | null>(null, [[0, 'close-eyes'], [200, 'close-eyes'], [400, 'close-eyes'], [600, 'close-eyes'], [800, 'centre-face']]);
    expect(shown).toEqual([null, null, null, 'close-eyes', 'close-eyes']);
  });
  it('shows the value at exactly 500 ms, not at 499 ms', () => {
    expect(shownAfter(false, [[1000, true], [1499, true]])).toEqual([false, false]);
    expect(shownAfter(false, [[1000, true], [1500, true]])).toEqual([false, true]);
  });
  it('restarts the run when the value is interrupted', () => {
    expect(shownAfter(false, [[0, true], [400, false], [600, true], [1000, true], [1100, true]])).toEqual([false, false, false, false, true]);
  });
  it('keeps showing the old value while a new one is still being confirmed, then switches', () => {
    const shown = shownAfter(false, [[0, true], [500, true], [600, false], [900, false], [1100, false]]);
    expect(shown).toEqual([false, true, true, true, false]);
  });
  it('starts again from the initial value when timestamps go backwards (a new stream)', () => {
    let state = initialStable(false);
    state = updateStable(state, true, 10_000);
    state = updateStable(state, true, 10_600);
    expect(state.shown).toBe(true);
    state = updateStable(state, true, 50);
    expect(state.shown).toBe(false);
  });
  it('compares with the given equality', () => {
    let state = initialStable<string[]>([]);
    const same = (a: string[], b: string[]) => a.join() === b.join();
    state = updateStable(state, ['a'], 0, 500, same);
    state = updateStable(state, ['a'], 500, 500, same);
    expect(state.shown).toEqual(['a']);
  });
});

describe('updateShownReady', () => {
  const shownReady = (frames: [number, boolean][], revokeAtOnce: boolean) => {
    let state = initialStable(false);
    return frames.map(([at, ready]) => (state = updateShownReady(state, ready, at, revokeAtOnce)).shown);
  };
  const readyThenNot: [number, boolean][] = [[0, true], [500, true], [600, false], [700, true], [1100, true], [1200, true]];

  it('shows ready only after the hold either way', () => {
    expect(shownReady([[0, true], [400, true], [500, true]], true)).toEqual([false, false, true]);
  });
  it('takes ready back on the first frame that is not ready when asked to, and holds again before showing it', () => {
    expect(shownReady(readyThenNot, true)).toEqual([false, true, false, false, false, true]);
  });
  it('otherwise rides out a short interruption', () => {
    expect(shownReady(readyThenNot, false)).toEqual([false, true, true, true, true, true]);
  });
  it('is what the UV profile does, and only the UV profile', () => {
    expect(Object.entries(DEFAULT_PROFILE_CONFIGS).filter(([, config]) => config.revokeReadyAtOnce).map(([id]) => id)).toEqual(['uv']);
  });
});
