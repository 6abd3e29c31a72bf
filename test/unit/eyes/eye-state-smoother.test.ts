import { describe, expect, it } from 'vitest';
import { classifyFrame, closureEvidence, closureIsSure, EYE_SMOOTHING, INITIAL_SMOOTHED_EYE_STATE, smoothEyeState, type EyeObservation, type SmoothedEyeState } from '../../../src/model/eyes';

const SURE = EYE_SMOOTHING.closureLogit + 1;
const open = (openness = 0.3): EyeObservation => ({ state: 'open', openness, confidentlyClosed: false, closedLogit: -5 });
const closed = (openness = 0.1, closedLogit = SURE): EyeObservation => ({ state: 'closed', openness, confidentlyClosed: true, closedLogit });
/** The frame calls it closed, but not with margin (e.g. narrow open eyes, or a half-closed lid). */
const unsure = (openness = 0.15): EyeObservation => ({ state: 'closed', openness, confidentlyClosed: false, closedLogit: 1 });
const uncertain: EyeObservation = { state: 'uncertain', openness: 0.3, confidentlyClosed: false, closedLogit: null };

type Frame = [EyeObservation | null, number];
const run = (frames: Frame[], from: SmoothedEyeState = INITIAL_SMOOTHED_EYE_STATE) => frames.reduce((s, [o, t]) => smoothEyeState(s, o, t), from);
/** One observation every `step` ms over [from, to]. */
const every = (observation: (t: number) => EyeObservation | null, from: number, to: number, step = 100): Frame[] =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => [observation(from + i * step), from + i * step]);

describe('smoothEyeState: hold times', () => {
  it('reports open only after it held ≥ 300 ms', () => {
    expect(run([[open(), 0], [open(), 290]]).stable).toBe('uncertain');
    expect(run([[open(), 0], [open(), 300]])).toMatchObject({ stable: 'open', stableSinceMs: 300 });
  });

  it('reports closed only after a confident closure held ≥ 1 s, ending on a confident frame', () => {
    expect(run(every(() => closed(), 0, 900)).stable).toBe('uncertain');
    expect(run(every(() => closed(), 0, 1000))).toMatchObject({ stable: 'closed', stableSinceMs: 1000 });
    // unsure frames continue a closure but cannot end it as "closed", and must stay the minority
    expect(run([...every(() => closed(), 0, 700), ...every(() => unsure(), 800, 1100)]).stable).toBe('uncertain');
    const ended = run([...every(() => closed(), 0, 700), ...every(() => unsure(), 800, 1100), [closed(), 1200]]);
    expect(ended).toMatchObject({ stable: 'closed', closure: { sinceMs: 0 } });
    // the evidence is the last second: 6 of its 10 frames confidently closed
    expect(ended.closure!.recent.map((f) => f.atMs)).toEqual([300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200]);
    expect(closureEvidence(ended.closure).closedShare).toBeCloseTo(0.6, 10);
    expect(run([...every(() => closed(), 0, 300), ...every(() => unsure(), 400, 1100), [closed(), 1200]]).stable).toBe('uncertain');
  });

  it('never starts a closure on unsure frames alone', () => {
    expect(run(every(() => unsure(), 0, 5000)).stable).toBe('uncertain');
  });

  it('does not treat a blink as closure', () => {
    const s = run([...every(() => open(), 0, 400), ...every(() => closed(), 500, 700), ...every(() => open(), 800, 1500)]);
    expect(s).toMatchObject({ stable: 'open', stableSinceMs: 300 });
  });

  it('ends a reported closure at the first open frame, and reports open only after 300 ms', () => {
    const shut = run(every(() => closed(), 0, 1000));
    const peek = run([[open(), 1100]], shut);
    expect(peek.stable).toBe('uncertain');
    expect(run([[closed(), 1200], [closed(), 1300]], peek).stable).toBe('uncertain'); // the 1 s hold starts again
    expect(run(every(() => open(), 1200, 1400), peek).stable).toBe('open');
  });

  it('keeps a reported closure through a few unsure frames, and takes it back when they outnumber the confident ones', () => {
    const shut = run(every(() => closed(), 0, 1000));
    expect(run(every(() => unsure(), 1100, 1400), shut).stable).toBe('closed'); // 6 of the last 10 frames confident
    const opened = run(every(() => unsure(), 1100, 1500), shut);
    expect(opened).toMatchObject({ stable: 'uncertain', stableSinceMs: 1500, closure: null });
    // confident frames again: a new closure, which must hold a second before "closed"
    expect(run(every(() => closed(), 1600, 2500), opened).stable).toBe('uncertain');
    expect(run(every(() => closed(), 1600, 2600), opened)).toMatchObject({ stable: 'closed', stableSinceMs: 2600 });
  });

  it('counts the confident frames of the last second, not an unbroken run since the closure began', () => {
    // a closure that began with mostly unsure frames is reported once its last second is confidently closed
    // (unsure at 0.2: a baseline too low for open eyes, so it vetoes nothing)
    const late = run([[closed(), 0], ...every(() => unsure(0.2), 100, 2000), ...every(() => closed(), 2100, 3000)]);
    // at 2600 six of the last second's ten frames are confident (of the closure's 27, only 7)
    expect(late).toMatchObject({ stable: 'closed', stableSinceMs: 2600, closure: { sinceMs: 0 } });
    // confident frames with an unsure one in every three also hold
    expect(run(every((t) => (t % 300 === 200 ? unsure() : closed()), 0, 1200)).stable).toBe('closed');
  });

  it('takes back a reported closure when eyes that opened narrow still read closed, but weakly', () => {
    const shut = run(every(() => closed(), 0, 1000));
    const narrow = run(every(() => closed(0.15, 1), 1100, 2100), shut);
    expect(narrow.stable).toBe('uncertain');
    expect(closureIsSure(narrow.closure)).toBe(false);
  });

  it('takes back "open" once unsure frames have held 300 ms', () => {
    const seen = run(every(() => open(), 0, 400));
    expect(run(every(() => unsure(), 500, 700), seen).stable).toBe('open');
    expect(run(every(() => unsure(), 500, 800), seen).stable).toBe('uncertain');
  });

  it('lets a single uncertain frame pass, but a longer gap ends a closure', () => {
    const withOddFrame = run([...every(() => closed(), 0, 500), [uncertain, 600], [null, 700], ...every(() => closed(), 800, 1000)]);
    expect(withOddFrame.stable).toBe('closed');
    const withGap = run([...every(() => closed(), 0, 500), ...every(() => null, 600, 900), ...every(() => closed(), 1000, 1500)]);
    expect(withGap).toMatchObject({ stable: 'uncertain', closure: { sinceMs: 1000 } });
    expect(run(every(() => null, 0, 2000), run(every(() => closed(), 0, 1000))).stable).toBe('closed'); // no evidence: the report stays
  });

  it('restarts when timestamps go backwards and honours a custom config', () => {
    const s = run(every(() => open(), 1000, 1400));
    expect(smoothEyeState(s, closed(), 10)).toMatchObject({ stable: 'uncertain', candidate: 'closed', candidateSinceMs: 10, recent: [] });
    const quick = { ...EYE_SMOOTHING, closedHoldMs: 200 };
    expect(smoothEyeState(smoothEyeState(INITIAL_SMOOTHED_EYE_STATE, closed(), 0, quick), closed(), 200, quick).stable).toBe('closed');
  });
});

describe('smoothEyeState: the person’s own baseline', () => {
  it('takes the baseline as a high percentile of the frames not confidently closed, over the window', () => {
    const s = run(every((t) => open(0.2 + (t % 1000) / 10_000), 0, 2000));
    expect(s.baseline).toBeCloseTo(0.28, 10);
    expect(run(every(() => open(), 0, 600)).baseline).toBeNull(); // too few frames yet
    const later = run(every(() => closed(), 2100, 14_000), s);
    expect(later.stable).toBe('closed');
    expect(later.recent).toEqual([]); // frames of a closure are not samples, old ones expire
    expect(later.baseline).toBeNull();
  });

  it('calls narrow open eyes open once their baseline is known, though every frame reads closed', () => {
    // someone whose open eyes sit below the population threshold: each frame says "closed", not confidently
    const narrow = run(every(() => unsure(0.23), 0, 3000));
    expect(narrow.baseline).toBeCloseTo(0.23, 10);
    expect(0.23).toBeGreaterThanOrEqual(EYE_SMOOTHING.minBaseline);
    expect(narrow.stable).toBe('open');
    // without the baseline (the first frames) it was not called open
    expect(run(every(() => unsure(0.23), 0, 600)).stable).toBe('uncertain');
  });

  it('does not trust a baseline too low for open eyes', () => {
    expect(0.15).toBeLessThan(EYE_SMOOTHING.minBaseline);
    expect(run(every(() => unsure(0.15), 0, 3000)).stable).toBe('uncertain');
  });

  it('vetoes a confident closure that is not clearly narrower than the person’s open eyes', () => {
    // narrow eyes: most frames 0.2 (unsure), some noisy frames dip to "confidently closed" at 0.17
    const frames = every((t) => (t % 300 === 0 ? closed(0.17) : unsure(0.2)), 0, 10_000);
    const s = run(frames);
    expect(s.baseline).toBeCloseTo(0.2, 10);
    expect(s.stable).not.toBe('closed');
    // a real closure from open eyes is clearly narrower than the baseline and is reported
    const real = run([...every(() => open(0.3), 0, 2000), ...every(() => closed(0.1), 2100, 3200)]);
    expect(real.stable).toBe('closed');
  });

  it('classifies frames against the baseline', () => {
    expect(classifyFrame(null, 0.3)).toBe('uncertain');
    expect(classifyFrame(open(0.1), 0.3)).toBe('open');
    expect(classifyFrame(closed(0.1), null)).toBe('closed');
    expect(classifyFrame(closed(0.1), 0.3)).toBe('closed');
    expect(classifyFrame(closed(0.25), 0.3)).toBe('unsure');
    expect(classifyFrame(unsure(0.25), 0.3)).toBe('open');
    expect(classifyFrame(unsure(0.2), 0.3)).toBe('unsure');
    expect(classifyFrame(unsure(0.2), null)).toBe('unsure');
    expect(classifyFrame(unsure(0.15), 0.15)).toBe('unsure'); // a baseline too low for open eyes
    expect(classifyFrame({ ...unsure(), openness: null }, 0.3)).toBe('unsure');
  });
});

describe('smoothEyeState: how sure a closure is', () => {
  it('reports closed only when nearly all of the last second\'s closed frames look closed with margin', () => {
    const weak = EYE_SMOOTHING.closureLogit - 0.5;
    expect(run(every(() => closed(0.1, weak), 0, 3000)).stable).not.toBe('closed');
    expect(run(every(() => closed(0.1, SURE), 0, 1000)).stable).toBe('closed');
    // one weak frame in four is tolerated (the lower quartile), two are not
    expect(run(every((t) => closed(0.1, t % 400 === 0 ? weak : SURE), 0, 1000)).stable).toBe('closed');
    expect(run(every((t) => closed(0.1, t % 400 < 200 ? weak : SURE), 0, 1000)).stable).not.toBe('closed');
  });

  it('never lets blinks lift eyes that look only weakly closed over the margin', () => {
    // narrow open eyes whose frames read confidently closed but weakly, with a two-frame blink every 700 ms
    const blink = EYE_SMOOTHING.closureLogit + 6;
    const weak = EYE_SMOOTHING.closureLogit - 2;
    const frames = every((t) => closed(0.1, t % 700 < 200 ? blink : weak), 0, 10_000);
    expect(frames.filter(([o]) => o!.closedLogit === blink).length).toBeGreaterThan(20);
    let s = INITIAL_SMOOTHED_EYE_STATE;
    for (const [o, t] of frames) {
      s = smoothEyeState(s, o, t);
      expect(s.stable).not.toBe('closed');
    }
  });
});

describe('closureEvidence and closureIsSure', () => {
  const frame = (atMs: number, closed: boolean, closedLogit = SURE) => ({ atMs, closed, closedLogit });
  it('take the share of confident frames and the lower quartile of their logits over the window', () => {
    expect(closureEvidence(null)).toEqual({ closedShare: 0, closedLogit: null });
    const c = { sinceMs: 0, recent: [frame(0, true, 9), frame(100, false, -99), frame(200, true, 4), frame(300, true, 6), frame(400, true, 7), frame(500, true, 8)] };
    expect(closureEvidence(c)).toEqual({ closedShare: 5 / 6, closedLogit: 6 });
    expect(closureIsSure(c, { ...EYE_SMOOTHING, closureLogit: 6 })).toBe(true);
    expect(closureIsSure(c, { ...EYE_SMOOTHING, closureLogit: 6.01 })).toBe(false);
    expect(closureIsSure(c, { ...EYE_SMOOTHING, closureLogit: 6, minClosedShare: 0.9 })).toBe(false);
    expect(closureIsSure({ sinceMs: 0, recent: [frame(0, false)] })).toBe(false);
  });
});
