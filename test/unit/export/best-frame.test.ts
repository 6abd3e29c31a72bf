import { describe, expect, it } from 'vitest';
import { INITIAL_BEST_FRAME_STATE, stepBestFrame, type BestFrameState, type ReadySample } from '../../../src/export/best-frame';

type Sample = Omit<ReadySample, 'context' | 'inWindow'> & { inWindow?: boolean; context?: string };

/** Runs samples through the selector (inWindow defaults to ready); payloads are `f<frameId>`. */
function run(samples: Sample[], available = (_id: number) => true) {
  let state: BestFrameState<string> = INITIAL_BEST_FRAME_STATE;
  const taken: string[] = [];
  const released: string[] = [];
  for (const sample of samples) {
    const step = stepBestFrame(state, { inWindow: sample.ready, context: 's1|uv', ...sample }, () => {
      if (!available(sample.frameId)) return null;
      taken.push(`f${sample.frameId}`);
      return `f${sample.frameId}`;
    });
    state = step.state;
    if (step.released) released.push(step.released);
  }
  return { state, taken, released, best: state.best && { frameId: state.best.frameId, score: state.best.score, frame: state.best.frame } };
}

describe('stepBestFrame', () => {
  it('keeps nothing while the profile is not satisfied', () => {
    const { best, taken } = run([
      { frameId: 1, ready: false, score: 0.9 },
      { frameId: 2, ready: false, score: 0.95 },
    ]);
    expect(best).toBeNull();
    expect(taken).toEqual([]);
  });

  it('keeps the highest-scoring frame of a ready window, releasing the ones it replaces', () => {
    const { state, best, taken, released } = run([
      { frameId: 1, ready: true, score: 0.6 },
      { frameId: 2, ready: true, score: 0.8 },
      { frameId: 3, ready: true, score: 0.7 },
      { frameId: 4, ready: true, score: 0.8 },
    ]);
    expect(best).toEqual({ frameId: 2, score: 0.8, frame: 'f2' });
    expect(taken).toEqual(['f1', 'f2']);
    expect(released).toEqual(['f1']);
    expect(state.windowOpen).toBe(true);
  });

  it('does not keep a frame that is not itself ready while the smoothed window is open', () => {
    const { best } = run([
      { frameId: 1, ready: true, score: 0.6 },
      { frameId: 2, inWindow: true, ready: false, score: 0.99 },
    ]);
    expect(best?.frameId).toBe(1);
  });

  it('still offers the best frame after readiness is lost, and starts fresh in the next ready window', () => {
    const first = run([
      { frameId: 1, ready: true, score: 0.9 },
      { frameId: 2, ready: false, score: 0.95 },
    ]);
    expect(first.best?.frameId).toBe(1);
    expect(first.state.windowOpen).toBe(false);

    const second = run([
      { frameId: 1, ready: true, score: 0.9 },
      { frameId: 2, ready: false, score: 0.95 },
      // The next window opens on a frame that is not ready yet: the old best stays until one is.
      { frameId: 3, inWindow: true, ready: false, score: 0.3 },
      { frameId: 4, ready: true, score: 0.5 },
      { frameId: 5, ready: true, score: 0.4 },
    ]);
    // A lower score than the old best still wins: it belongs to the new window.
    expect(second.best).toEqual({ frameId: 4, score: 0.5, frame: 'f4' });
    expect(second.released).toEqual(['f1']);
    expect(second.state.window).toBe(2);
  });

  it('forgets the best frame when the stream or profile changes', () => {
    const { best, released } = run([
      { frameId: 1, ready: true, score: 0.9 },
      { frameId: 2, ready: false, score: 0.1, context: 's1|consult' },
    ]);
    expect(best).toBeNull();
    expect(released).toEqual(['f1']);
  });

  it('keeps the previous best when a better frame’s pixels are no longer available', () => {
    const { best, released } = run(
      [
        { frameId: 1, ready: true, score: 0.5 },
        { frameId: 2, ready: true, score: 0.9 },
        { frameId: 3, ready: true, score: 0.7 },
      ],
      (id) => id !== 2,
    );
    expect(best).toEqual({ frameId: 3, score: 0.7, frame: 'f3' });
    expect(released).toEqual(['f1']);
  });
});
