import { describe, expect, it } from 'vitest';
import { IDLE_EXPLAIN, reduceExplain, type ExplainEvent, type ExplainUiState } from '../../../src/ui/explain-state';

const frame = { width: 2, height: 2, data: new Uint8ClampedArray(16) };
const run = (...events: ExplainEvent[]): ExplainUiState => events.reduce(reduceExplain, IDLE_EXPLAIN);

describe('reduceExplain', () => {
  it('goes from requested to started, progress, partial results and done, remembering the method and LIME mode', () => {
    const running = run({ type: 'explain-requested', requestId: 1, method: 'all', limeMode: 'reference' }, { type: 'explain-started', requestId: 1, frame });
    expect(running).toMatchObject({ status: 'running', frame, partial: null, progress: null });
    const progressing = reduceExplain(running, { type: 'explain-progress', requestId: 1, method: 'lime', progress: { stage: 'predict', fraction: 0.5 } });
    expect(progressing).toMatchObject({ status: 'running', step: 'LIME', progress: { stage: 'predict', fraction: 0.5 } });
    const gradcam = { target: 0, probabilities: [1], raw: { width: 1, height: 1, values: new Float32Array(1) }, map: { width: 2, height: 2, values: new Float32Array(4) } };
    const partial = reduceExplain(progressing, { type: 'explain-partial', requestId: 1, set: { frame, gradcam } });
    expect(partial).toMatchObject({ status: 'running', partial: { frame, gradcam }, progress: { stage: 'predict', fraction: 0.5 } });
    const done = reduceExplain(partial, { type: 'explanation', requestId: 1, set: { frame }, predicted: { name: 'good', probability: 0.9 }, ms: 1200 });
    expect(done).toEqual({ status: 'done', requestId: 1, method: 'all', limeMode: 'reference', set: { frame }, predicted: { name: 'good', probability: 0.9 }, ms: 1200 });
    expect(reduceExplain(done, { type: 'explain-partial', requestId: 1, set: { frame, gradcam } })).toBe(done); // a late partial changes nothing
  });

  it('returns to idle when cancelled, and reports other failures', () => {
    const requested: ExplainEvent = { type: 'explain-requested', requestId: 2, method: 'combined', limeMode: 'fast' };
    expect(run(requested, { type: 'explain-error', requestId: 2, error: 'cancelled', cancelled: true })).toEqual(IDLE_EXPLAIN);
    expect(run(requested, { type: 'explain-error', requestId: 2, error: 'no frame has been analysed yet', cancelled: false })).toEqual({
      status: 'failed',
      requestId: 2,
      error: 'no frame has been analysed yet',
      engineLost: false,
    });
    expect(run(requested, { type: 'explain-error', requestId: 2, error: 'the analysis engine stopped while explaining', cancelled: false, engineLost: true })).toMatchObject({
      status: 'failed',
      engineLost: true,
    });
  });

  it('ignores events of another request', () => {
    const state = run({ type: 'explain-requested', requestId: 1, method: 'gradcam', limeMode: 'fast' }, { type: 'explain-requested', requestId: 2, method: 'gradcam', limeMode: 'fast' });
    expect(reduceExplain(state, { type: 'explanation', requestId: 1, set: { frame }, predicted: { name: 'blur', probability: 0.6 }, ms: 5 })).toBe(state);
    expect(reduceExplain(IDLE_EXPLAIN, { type: 'explain-started', requestId: 2, frame })).toBe(IDLE_EXPLAIN);
  });

  it('closes from any state', () => {
    expect(run({ type: 'explain-requested', requestId: 1, method: 'lime', limeMode: 'fast' }, { type: 'explain-closed' })).toEqual(IDLE_EXPLAIN);
  });
});
