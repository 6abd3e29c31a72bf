import { describe, expect, it } from 'vitest';
import { closedClipBlocker, readyAtMs } from '../../../scripts/lib/eyes/uv-clips';
import { DEFAULT_EYE_STATE_CONFIG, EYE_SMOOTHING, type EyeStateResult } from '../../../src/model/eyes';

/** A frame's eye result with only what the gate reads: per-eye EAR, logit and cascade hits, and the face's flags. */
function frame(o: { state?: EyeStateResult['state']; confident: boolean; logits: [number, number]; ears?: [number, number]; hits?: number }): EyeStateResult {
  const [re, le] = o.ears ?? [0.1, 0.1];
  const eye = (ear: number, closedLogit: number) => ({ state: o.state ?? 'closed', landmarkState: 'closed', haarState: 'uncertain', ear, closedLogit, irisVisibility: null, fusedScore: ear, region: null, haarHits: o.hits ? [{ x: 0, y: 0, width: 1, height: 1 }] : null }) as EyeStateResult['right'];
  return {
    state: o.state ?? 'closed',
    landmarkState: 'closed',
    haarState: 'uncertain',
    openness: (re + le) / 2,
    closedLogit: (o.logits[0] + o.logits[1]) / 2,
    confidentlyClosed: o.confident,
    cascadeRan: false,
    right: eye(re, o.logits[0]),
    left: eye(le, o.logits[1]),
    timings: { totalMs: 0 },
  };
}
const clip = (f: (k: number) => EyeStateResult | null) => Array.from({ length: 20 }, (_, k) => f(k));
const sure = EYE_SMOOTHING.closureLogit + 2;

describe('closedClipBlocker', () => {
  it('is null for a clip that becomes ready, and names the check that held the others back', () => {
    const ready = clip(() => frame({ confident: true, logits: [sure, sure] }));
    expect(readyAtMs(ready).shipped).toBe(1000);
    expect(closedClipBlocker(ready, DEFAULT_EYE_STATE_CONFIG)).toBeNull();
    expect(closedClipBlocker(clip((k) => (k < 15 ? null : frame({ confident: true, logits: [sure, sure] }))), DEFAULT_EYE_STATE_CONFIG)).toBe('no-face');
    expect(closedClipBlocker(clip(() => frame({ confident: true, logits: [1, 1] })), DEFAULT_EYE_STATE_CONFIG)).toBe('margin');
    expect(closedClipBlocker(clip(() => frame({ confident: false, logits: [sure, -1] })), DEFAULT_EYE_STATE_CONFIG)).toBe('eye-crop-model');
    expect(closedClipBlocker(clip(() => frame({ confident: false, logits: [sure, sure], ears: [0.1, 0.35] })), DEFAULT_EYE_STATE_CONFIG)).toBe('lids');
    // confident frames, each closure ended by an open frame before it could hold
    const opening = clip((k) => (k % 4 === 3 ? frame({ state: 'open', confident: false, logits: [-3, -3], ears: [0.3, 0.3] }) : frame({ confident: true, logits: [sure, sure] })));
    expect(readyAtMs(opening).shipped).toBeNull();
    expect(closedClipBlocker(opening, DEFAULT_EYE_STATE_CONFIG)).toBe('opened');
  });
});
