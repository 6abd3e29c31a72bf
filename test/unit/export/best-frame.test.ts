import { describe, expect, it } from 'vitest';
import { INITIAL_BEST_FRAME_STATE, stepBestFrame, type BestFrameState, type ReadySample } from '../../../src/export/best-frame';

/** Runs samples through the selector; payloads are `f<frameId>`; records what was taken and released. */
function run(samples: Omit<ReadySample, 'context'>[], context = (i: number) => 's1|uv', available = (_id: number) => true) {
  let state: BestFrameState<string> = INITIAL_BEST_FRAME_STATE;
  const taken: string[] = [];
  const released: string[] = [];
  samples.forEach((sample, i) => {
    const step = stepBestFrame(state, { ...sample, context: context(i) }, () => {
      if (!available(sample.frameId)) return null;
      taken.push(`f${sample.frameId}`);
      return `f${sample.frameId}`;
    });
    state = step.state;
    if (step.released) released.push(step.released);
  });
  return { state, taken, released };
}

describe('stepBestFrame', () => {
  it('keeps nothing while the profile is not satisfied', () => {
    const { state, taken } = run([
      { frameId: 1, ready: false, score: 0.9 },
      { frameId: 2, ready: false, score: 0.95 },
    ]);
    expect(state.best).toBeNull();
    expect(taken).toEqual([]);
  });

  it('keeps the highest-scoring frame of a ready window, releasing the ones it replaces', () => {
    const { state, taken, released } = run([
      { frameId: 1, ready: true, score: 0.6 },
      { frameId: 2, ready: true, score: 0.8 },
      { frameId: 3, ready: true, score: 0.7 },
      { frameId: 4, ready: true, score: 0.8 },
    ]);
    expect(state.best).toEqual({ frameId: 2, score: 0.8, frame: 'f2' });
    expect(taken).toEqual(['f1', 'f2']);
    expect(released).toEqual(['f1']);
    expect(state.windowOpen).toBe(true);
  });

  it('still offers the best frame after readiness is lost, and starts fresh in the next ready window', () => {
    const first = run([
      { frameId: 1, ready: true, score: 0.9 },
      { frameId: 2, ready: false, score: 0.95 },
    ]);
    expect(first.state.best?.frameId).toBe(1);
    expect(first.state.windowOpen).toBe(false);

    const second = run([
      { frameId: 1, ready: true, score: 0.9 },
      { frameId: 2, ready: false, score: 0.95 },
      { frameId: 3, ready: true, score: 0.5 },
    ]);
    // A lower score than the old best still wins: it belongs to the new window.
    expect(second.state.best).toEqual({ frameId: 3, score: 0.5, frame: 'f3' });
    expect(second.released).toEqual(['f1']);
  });

  it('forgets the best frame when the stream or profile changes', () => {
    const { state, released } = run(
      [
        { frameId: 1, ready: true, score: 0.9 },
        { frameId: 2, ready: false, score: 0.1 },
      ],
      (i) => (i === 0 ? 's1|uv' : 's1|consult'),
    );
    expect(state.best).toBeNull();
    expect(released).toEqual(['f1']);
  });

  it('keeps the previous best when a better frame’s pixels are no longer available', () => {
    const { state, released } = run(
      [
        { frameId: 1, ready: true, score: 0.5 },
        { frameId: 2, ready: true, score: 0.9 },
        { frameId: 3, ready: true, score: 0.7 },
      ],
      undefined,
      (id) => id !== 2,
    );
    expect(state.best).toEqual({ frameId: 3, score: 0.7, frame: 'f3' });
    expect(released).toEqual(['f1']);
  });
});
