import { describe, expect, it } from 'vitest';
import { INITIAL_SMOOTHED_EYE_STATE, smoothEyeState } from '../../../src/model/eyes/eye-state-smoother';
import type { EyeState } from '../../../src/model/eyes/fuse-eye-state';

const run = (frames: [EyeState, number][]) => frames.reduce((s, [state, t]) => smoothEyeState(s, state, t), INITIAL_SMOOTHED_EYE_STATE);

describe('smoothEyeState', () => {
  it('reports a state only after it held ≥ 300 ms', () => {
    expect(run([['open', 0], ['open', 290]]).stable).toBe('uncertain');
    expect(run([['open', 0], ['open', 300]])).toMatchObject({ stable: 'open', stableSinceMs: 300 });
  });

  it('does not treat a blink as closure', () => {
    const s = run([['open', 0], ['open', 400], ['closed', 433], ['closed', 533], ['closed', 633], ['open', 666], ['open', 1000]]);
    expect(s.stable).toBe('open');
    expect(s.stableSinceMs).toBe(400);
  });

  it('switches to closed after 300 ms of closure, and back to open only after 300 ms of opening', () => {
    const closed = run([['open', 0], ['open', 300], ['closed', 400], ['closed', 600], ['closed', 700]]);
    expect(closed).toMatchObject({ stable: 'closed', stableSinceMs: 700 });
    const flicker = [['open', 733], ['closed', 766]] as [EyeState, number][];
    expect(flicker.reduce((s, [st, t]) => smoothEyeState(s, st, t), closed).stable).toBe('closed');
  });

  it('lets an uncertain frame interrupt a run without changing the reported state', () => {
    const s = run([['open', 0], ['open', 300], ['closed', 400], ['uncertain', 500], ['closed', 600], ['closed', 800]]);
    expect(s.stable).toBe('open'); // closed run restarted at 600
    expect(smoothEyeState(s, 'closed', 900).stable).toBe('closed');
  });

  it('restarts when timestamps go backwards and honours a custom hold', () => {
    const s = run([['open', 1000], ['open', 1400]]);
    expect(smoothEyeState(s, 'closed', 10)).toMatchObject({ stable: 'uncertain', candidate: 'closed', candidateSinceMs: 10 });
    expect(smoothEyeState(smoothEyeState(INITIAL_SMOOTHED_EYE_STATE, 'closed', 0), 'closed', 100, 100).stable).toBe('closed');
  });
});
