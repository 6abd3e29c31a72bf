import { EYE_SMOOTHING } from '../../../src/model/eyes';
import { fuseVerdict } from '../../../src/model/fusion/fuse-verdict';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EyeSummary, FrameAnalysis, QualitySummary } from '../../../src/protocol/messages';
import { cascadeWords, detailsOpenByDefault, INITIAL_OVERLAY_STATE, reduceOverlay, RESULT_EXPIRES_AFTER_S, verdict, verdictWords, type OverlayEvent, type OverlayState } from '../../../src/ui/overlay-state';
import { measureRows } from '../../../src/ui/measure-rows';
import { HEAD_POSE_CONFIG, HEAD_POSE_LANDMARKS } from '../../../src/workflow/head-pose';
import { DEFAULT_MEASURE_BANDS } from '../../../src/workflow/measure-bands';

const sharpnessThreshold = `score ≥ ${DEFAULT_MEASURE_BANDS.consult.sharpness!.min}`;

const run = (...events: OverlayEvent[]): OverlayState => events.reduce(reduceOverlay, INITIAL_OVERLAY_STATE);
const ready: OverlayEvent = { type: 'engine-state', state: { state: 'ready', backend: 'wasm' } };
const started = (streamId = 's1', audience: 'self' | 'other' = 'self'): OverlayEvent => ({ type: 'camera-started', streamId, label: 'Fake camera', audience });
/** A frontal face of this height centred at (cx, cy) in the 640×480 frame. */
const face = (height: number, luminance: number | null = 128, cx = 320, cy = 240) => {
  const mesh: [number, number, number][] = Array.from({ length: 468 }, () => [cx, cy, 0]);
  mesh[HEAD_POSE_LANDMARKS.rightEyeOuter] = [cx - height / 4, cy - height / 8, 0];
  mesh[HEAD_POSE_LANDMARKS.leftEyeOuter] = [cx + height / 4, cy - height / 8, 0];
  mesh[HEAD_POSE_LANDMARKS.foreheadTop] = [cx, cy - height / 2, 0];
  // A real face's chin sits further back than its forehead top (HEAD_POSE_CONFIG.neutralPitch).
  mesh[HEAD_POSE_LANDMARKS.chin] = [cx, cy + height / 2, -height * Math.tan((HEAD_POSE_CONFIG.neutralPitch * Math.PI) / 180)];
  return { box: { x: cx - height * 0.4, y: cy - height / 2, width: height * 0.8, height }, detectorScore: 0.9, meshScore: 0.9, mesh, luminance };
};
const quality = (label: QualitySummary['label'], confidence = 0.9, uncertain = false): QualitySummary => ({
  label,
  confidence,
  uncertain,
  probabilities: { blur: 0, eyeglasses: 0, good: 0, covered: 0, wrong: 0, [label]: confidence },
});
/** The classifier's verdict standing alone, as the engine reports it when no measure overrides it. */
const classified = (q: QualitySummary) => ({ quality: q, measures: null, verdict: fuseVerdict(q, null) });
const eyesOf = (state: EyeSummary['state']): EyeSummary => ({
  state,
  landmarkState: state,
  haarState: state,
  openness: state === 'closed' ? 0.1 : 0.3,
  // closed frames look closed with margin to the eye-crop model (the UV gate's closure margin)
  closedLogit: state === 'closed' ? EYE_SMOOTHING.closureLogit + 1 : -5,
  confidentlyClosed: state === 'closed',
  cascadeRan: false,
  right: { state, ear: state === 'closed' ? 0.1 : 0.3 },
  left: { state, ear: state === 'closed' ? 0.1 : 0.3 },
});
const analysis = (
  faces: ReturnType<typeof face>[],
  options: { streamId?: string; quality?: QualitySummary; eyes?: EyeSummary | null; at?: number; fused?: Pick<FrameAnalysis, 'measures' | 'verdict'> } = {},
): OverlayEvent => ({
  type: 'analysis',
  analysis: {
    frameId: 1,
    streamId: options.streamId ?? 's1',
    width: 640,
    height: 480,
    capturedAt: options.at ?? 0,
    backend: 'wasm',
    faces,
    ...classified(options.quality ?? quality(faces.length ? 'good' : 'wrong')),
    ...options.fused,
    eyes: options.eyes ?? null,
    timings: { transportMs: 0, decodeMs: 0, detectorMs: 0, meshMs: 0, irisMs: 0, classifierMs: 0, eyesMs: 0, measuresMs: 0, totalMs: 0 },
  } satisfies FrameAnalysis,
});

/** Frames every 100 ms from `from` to `to` (inclusive), each made by `frame(at)`. */
const frames = (from: number, to: number, frame: (at: number) => OverlayEvent): OverlayEvent[] => {
  const events: OverlayEvent[] = [];
  for (let at = from; at <= to; at += 100) events.push(frame(at));
  return events;
};
const openEyed = (at: number) => analysis([face(240)], { eyes: eyesOf('open'), at });
const closedEyed = (at: number) => analysis([face(240)], { eyes: eyesOf('closed'), at });
const profile = (id: 'uv' | 'consult' | 'id-photo'): OverlayEvent => ({ type: 'profile', profile: id });

describe('overlay verdict', () => {
  it('walks from waiting to loading to analysing', () => {
    expect(verdict(run()).text).toBe('Waiting for the camera');
    expect(verdict(run(started())).text).toBe('Loading face models…');
    expect(verdict(run(started(), ready)).text).toBe('Analysing…');
  });

  it('says at once when there is no face', () => {
    expect(verdict(run(ready, started(), analysis([])))).toEqual({ context: 'No face found', text: 'Show your face to the camera', tone: 'warn' });
  });

  it('announces "ready" only once the profile has been satisfied for 500 ms (after the eye state has held for 300 ms)', () => {
    const early = run(ready, started(), ...frames(0, 700, openEyed));
    expect(early.readiness?.ready).toBe(true);
    expect(verdict(early)).toEqual({ context: 'Face found', text: 'Not ready yet', tone: 'warn' });
    const settled = run(ready, started(), ...frames(0, 800, openEyed));
    expect(verdict(settled)).toEqual({ context: 'Face found', text: 'Ready for the consult', tone: 'ok' });
  });

  it('gives the most important hint once it has held, in plain words', () => {
    const blurred = (at: number) => analysis([face(240)], { quality: quality('blur', 0.87), at });
    expect(verdict(run(ready, started(), ...frames(0, 500, blurred)))).toEqual({ context: 'Face found — not ready', text: 'Hold still or clean the lens', tone: 'warn' });
    const glassesInTheDark = (at: number) => analysis([face(40, 20, 100, 100)], { quality: quality('eyeglasses', 0.95), at });
    // Root cause first: the dark is what to fix before the glasses the classifier sees in it.
    expect(verdict(run(ready, started(), ...frames(0, 500, glassesInTheDark))).text).toBe('Add more light');
    const dark = (at: number) => analysis([face(240, 20)], { eyes: eyesOf('open'), at });
    expect(verdict(run(ready, started(), ...frames(0, 500, dark))).text).toBe('Add more light');
    const uncertain = (at: number) => analysis([face(240)], { quality: quality('good', 0.41, true), at });
    expect(verdict(run(ready, started(), ...frames(0, 1000, uncertain)))).toMatchObject({ context: 'Face found', text: 'Not ready yet' });
  });

  it('checks against the chosen profile: UV imaging wants the eyes closed', () => {
    const open = run(ready, profile('uv'), started(), ...frames(0, 1000, openEyed));
    expect(verdict(open).text).toBe('Close your eyes');
    // closure is reported after 1 s (confident, held), the verdict 500 ms after that
    const closed = run(ready, profile('uv'), started(), ...frames(0, 1500, closedEyed));
    expect(verdict(closed)).toEqual({ context: 'Face found', text: 'Ready for UV imaging', tone: 'ok' });
    expect(closed.readiness?.checks.find((c) => c.id === 'steadiness')).toMatchObject({ passed: true, value: 0 });
  });

  it('phrases hints for the doctor when the video is someone else\'s', () => {
    const state = run(ready, profile('uv'), started('remote', 'other'), ...frames(0, 1000, (at) => ({ ...openEyed(at), analysis: { ...(openEyed(at) as { analysis: FrameAnalysis }).analysis, streamId: 'remote' } })));
    expect(verdict(state).text).toBe('Ask the patient to close their eyes');
  });

  it('does not flicker: a single odd frame leaves the consult verdict as it was', () => {
    const settled = run(ready, started(), ...frames(0, 1000, openEyed));
    const flicker = frames(1100, 3000, (at) => (at % 200 === 0 ? analysis([face(240)], { quality: quality('blur'), at }) : openEyed(at))).reduce(reduceOverlay, settled);
    expect(verdict(flicker).text).toBe('Ready for the consult');
  });

  it('takes "Ready for UV imaging" back on the first frame with open eyes, and holds again before showing it', () => {
    const settled = run(ready, profile('uv'), started(), ...frames(0, 1500, closedEyed));
    expect(verdict(settled).text).toBe('Ready for UV imaging');
    const opened = [openEyed(1600)].reduce(reduceOverlay, settled);
    expect(verdict(opened).text).not.toBe('Ready for UV imaging');
    const closedAgain = [openEyed(1700), closedEyed(1800), closedEyed(1900)].reduce(reduceOverlay, opened);
    expect(verdict(closedAgain).text).not.toBe('Ready for UV imaging');
  });

  it('changes the verdict after a steady change of 500 ms', () => {
    const settled = run(ready, started(), ...frames(0, 1000, openEyed));
    const blurred = (at: number) => analysis([face(240)], { quality: quality('blur'), at });
    expect(verdict(frames(1100, 1500, blurred).reduce(reduceOverlay, settled)).text).toBe('Ready for the consult');
    expect(verdict(frames(1100, 1600, blurred).reduce(reduceOverlay, settled)).text).toBe('Hold still or clean the lens');
  });

  it('starts the shown verdict afresh when the profile changes', () => {
    const consult = run(ready, started(), ...frames(0, 1000, openEyed));
    const uv = reduceOverlay(consult, profile('uv'));
    expect(uv.profile).toBe('uv');
    expect(verdict(uv)).toMatchObject({ context: 'Face found', text: 'Not ready yet' });
    expect(verdict(frames(1100, 1600, openEyed).reduce(reduceOverlay, uv)).text).toBe('Close your eyes');
  });

  it('never says "face found — show your face" while a face has just come into view', () => {
    const noFace = run(ready, started(), ...frames(0, 1000, (at) => analysis([], { at })));
    const back = reduceOverlay(noFace, openEyed(1100));
    expect(back.shown.hint.shown).toBe('show-face');
    expect(verdict(back)).toMatchObject({ context: 'Face found', text: 'Not ready yet' });
  });

  it('counts the faces in view; the ID photo wants only one', () => {
    const two = (at: number) => analysis([face(240), face(100, 128, 560, 100)], { eyes: eyesOf('open'), at });
    expect(verdict(run(ready, profile('id-photo'), started(), ...frames(0, 1000, two)))).toMatchObject({ context: '2 faces found — not ready', text: 'Make sure only you are in view' });
  });

  it('speaks German when asked', () => {
    const state = run(ready, profile('uv'), started(), ...frames(0, 1000, openEyed));
    expect(verdict(state, 'de')).toMatchObject({ context: 'Gesicht gefunden — nicht bereit', text: 'Schließen Sie die Augen' });
    expect(verdict(run(ready, started(), ...frames(0, 1000, openEyed)), 'de')).toMatchObject({ context: 'Gesicht gefunden', text: 'Bereit für die Sprechstunde' });
    expect(verdict(run(ready, started(), analysis([])), 'de')).toMatchObject({ context: 'Kein Gesicht gefunden', text: 'Zeigen Sie Ihr Gesicht der Kamera' });
  });

  it('says the camera stopped when the last stream ends, but not while another is live', () => {
    expect(verdict(run(ready, started('a'), { type: 'camera-ended', streamId: 'a', liveStreams: 0 })).text).toBe('Camera stopped');
    const other = run(ready, started('a'), started('b'), { type: 'camera-ended', streamId: 'b', liveStreams: 1 }, started('a'));
    expect(verdict(other).text).toBe('Analysing…');
  });

  it('ignores late results from a stream that is no longer analysed', () => {
    const state = run(ready, started('a'), { type: 'camera-ended', streamId: 'a', liveStreams: 0 }, analysis([face(240)], { streamId: 'a' }));
    expect(verdict(state).text).toBe('Camera stopped');
  });

  it('shows "ready" only from the engine\'s analyses of the live stream: whatever the page can post (camera events, tap and camera errors) never makes it, and a forged camera-started takes it away', () => {
    const pageEvent = fc.oneof(
      fc.record({ type: fc.constant('camera-started' as const), streamId: fc.constantFrom('s1', 'forged'), label: fc.string(), audience: fc.constantFrom('self' as const, 'other' as const) }),
      fc.record({ type: fc.constant('camera-ended' as const), streamId: fc.constantFrom('s1', 'forged'), liveStreams: fc.nat(3) }),
      fc.record({ type: fc.constant('tap-error' as const), code: fc.constantFrom('play-failed' as const, 'grab-failed' as const, 'tap-failed' as const) }),
      fc.record({ type: fc.constant('camera-error' as const), code: fc.constantFrom('denied' as const, 'missing' as const, 'busy' as const, 'failed' as const) }),
    );
    // The engine's honest results, but for a stream other than the live one (a replay of an older stream's).
    const otherStream = (at: number) => analysis([face(240)], { eyes: eyesOf('open'), at, streamId: 'old' });
    fc.assert(
      fc.property(fc.array(pageEvent, { maxLength: 40 }), fc.nat(40), (events, cut) => {
        const mixed = [...events.slice(0, cut), ...frames(0, 2000, otherStream), ...events.slice(cut)];
        const state = run(ready, started(), ...mixed);
        expect(state.shown.ready.shown).toBe(false);
        expect(verdict(state).tone).not.toBe('ok');
      }),
      { numRuns: 300 },
    );
    const readyNow = run(ready, started(), ...frames(0, 800, openEyed));
    expect(verdict(readyNow).text).toBe('Ready for the consult');
    const restarted = reduceOverlay(readyNow, started('s1'));
    expect(restarted.shown.ready.shown).toBe(false);
    expect(verdict(restarted).text).toBe('Analysing…');
  });

  it('withdraws the verdict when results stop (a frozen video, a page that stops the tap): "ready" does not outlive the frames', () => {
    const second: OverlayEvent = { type: 'second-passed' };
    const seconds = (n: number) => Array.from({ length: n }, () => second);
    const settled = run(ready, profile('uv'), started(), ...frames(0, 1500, closedEyed));
    expect(verdict(settled).text).toBe('Ready for UV imaging');
    const almost = seconds(RESULT_EXPIRES_AFTER_S - 1).reduce(reduceOverlay, settled);
    expect(verdict(almost).text).toBe('Ready for UV imaging');
    const expired = reduceOverlay(almost, second);
    expect(expired.shown.ready.shown).toBe(false);
    expect(expired.analysis).toBeNull();
    expect(verdict(expired)).toEqual({ text: 'No new picture for a few seconds: is the video still playing?', tone: 'warn' });
    expect(verdict(expired, 'de').text).toBe('Seit einigen Sekunden kein neues Bild: läuft das Video noch?');
    // Frames coming back start the stream's verdict afresh: ready again only after the eyes have held closed.
    const back = [closedEyed(9000)].reduce(reduceOverlay, expired);
    expect(back.secondsWithoutResult).toBe(0);
    expect(verdict(back).text).not.toBe('Ready for UV imaging');
    expect(verdict(frames(9100, 10600, closedEyed).reduce(reduceOverlay, back)).text).toBe('Ready for UV imaging');
    // Each result restarts the count: a slow engine's verdict stands.
    const slow = [...seconds(RESULT_EXPIRES_AFTER_S - 1), closedEyed(1600), ...seconds(RESULT_EXPIRES_AFTER_S - 1)].reduce(reduceOverlay, settled);
    expect(verdict(slow).text).toBe('Ready for UV imaging');
  });

  it('does not count the seconds before a first result, while the engine loads, or with no live video', () => {
    const second: OverlayEvent = { type: 'second-passed' };
    const many = Array.from({ length: 3 * RESULT_EXPIRES_AFTER_S }, () => second);
    expect(verdict(run(ready, started(), ...many)).text).toBe('Analysing…');
    expect(verdict(run(started(), ...many)).text).toBe('Loading face models…');
    expect(verdict(run(ready, ...many)).text).toBe('Waiting for the camera');
    // A frame error is said as such, not as a stalled video.
    const failing = run(ready, started(), ...frames(0, 800, openEyed), ...many, { type: 'frame-error', error: 'Frame is not a decodable JPEG' });
    expect(verdict(failing).text).toBe('Frame not analysed: Frame is not a decodable JPEG');
  });

  it('puts an engine error first, with its message', () => {
    const state = run(started(), { type: 'engine-state', state: { state: 'error', error: 'model file models/x.json failed to load (HTTP 404)' } });
    expect(verdict(state)).toEqual({ text: 'FaceReady cannot analyse: model file models/x.json failed to load (HTTP 404)', tone: 'error' });
  });

  it('shows a frame error until the next result', () => {
    const failing = run(ready, started(), { type: 'frame-error', error: 'Frame is not a decodable JPEG' });
    expect(verdict(failing).text).toBe('Frame not analysed: Frame is not a decodable JPEG');
    expect(verdict(reduceOverlay(failing, analysis([]))).context).toBe('No face found');
  });

  it('leads with the root cause from the fused verdict and the measures: a dark frame the classifier calls `wrong` is told to add light', () => {
    const fused = { measures: { 'under-exposure': { raw: 0.98, score: 2 }, sharpness: { raw: 0.2, score: 8 } }, verdict: { label: 'wrong' as const, uncertain: false, evidence: ['classifier' as const] } };
    const dark = (at: number) => analysis([face(240, 2)], { quality: quality('wrong', 0.97), fused, at });
    expect(verdict(run(ready, started(), ...frames(0, 600, dark)))).toEqual({ context: 'Face found — not ready', text: 'Add more light', tone: 'warn' });
    expect(verdict(run(ready, started('remote', 'other'), ...frames(0, 600, (at) => analysis([face(240, 2)], { streamId: 'remote', quality: quality('wrong', 0.97), fused, at })))).text).toBe('Ask the patient to add more light');
  });

  it('a blurred face the classifier calls good is told to hold still once the sharpness measure fails', () => {
    const fused = { measures: { sharpness: { raw: 2, score: 9 } }, verdict: { label: 'blur' as const, uncertain: false, evidence: ['sharpness' as const] } };
    const state = run(ready, started(), ...frames(0, 600, (at) => analysis([face(240)], { eyes: eyesOf('open'), fused, at })));
    expect(verdict(state).text).toBe('Hold still or clean the lens');
    expect(measureRows(state.readiness!, state.analysis!.measures)[0]).toEqual({ id: 'sharpness', status: 'failed', raw: 2, score: 9, threshold: sharpnessThreshold });
  });
});

describe('verdict words and the details disclosure', () => {
  const q = quality('good', 0.93);
  it('word the fused verdict and what it rests on', () => {
    expect(verdictWords({ label: 'good', uncertain: false, evidence: ['classifier'] }, q)).toBe('good quality (93%)');
    expect(verdictWords({ label: 'blur', uncertain: false, evidence: ['sharpness'] }, q)).toBe('blurred (Sharpness)');
    expect(verdictWords({ label: 'covered', uncertain: false, evidence: ['classifier', 'face-occlusion'] }, { ...q, probabilities: { ...q.probabilities, covered: 0.6 } }, 'de')).toBe('Gesicht verdeckt (Klassifikator 60%, Gesicht unverdeckt)');
    expect(verdictWords({ label: 'good', uncertain: true, evidence: ['classifier'] }, q)).toBe('quality uncertain');
  });
  it('fold away for a patient preparing, stay open for a doctor and for the ID photo', () => {
    expect(detailsOpenByDefault('consult', 'self')).toBe(false);
    expect(detailsOpenByDefault('uv', 'self')).toBe(false);
    expect(detailsOpenByDefault('consult', 'other')).toBe(true);
    expect(detailsOpenByDefault('uv', 'other')).toBe(true);
    expect(detailsOpenByDefault('id-photo', 'self')).toBe(true);
  });
  it('list every measure the frame carries, with the profile threshold where it has one', () => {
    const measures = { sharpness: { raw: 50.123, score: 80.4 }, 'natural-colour': { raw: 0.5, score: 20 } };
    const state = run(ready, started(), analysis([face(240)], { fused: { measures, verdict: { label: 'good', uncertain: false, evidence: ['classifier'] } } }));
    const rows = measureRows(state.readiness!, measures);
    // The frame's measures first where the profile bands them, each band once, then the measures it only carries.
    expect(rows[0]).toEqual({ id: 'sharpness', status: 'passed', raw: 50.12, score: 80, threshold: sharpnessThreshold });
    expect(rows.map((row) => row.id).sort()).toEqual([...Object.keys(DEFAULT_MEASURE_BANDS.consult), 'natural-colour'].sort());
    for (const row of rows.filter((r) => r.id !== 'sharpness' && r.id !== 'natural-colour')) expect(row).toMatchObject({ status: 'unmeasured', raw: null, score: null });
    expect(rows.find((row) => row.id === 'natural-colour')).toEqual({ id: 'natural-colour', status: 'unbanded', raw: 0.5, score: 20, threshold: null });
  });

  it('words a tap error itself, from its code, in either language, until the next result', () => {
    const failing = run(ready, started(), { type: 'tap-error', code: 'grab-failed' });
    expect(verdict(failing).text).toBe('Frame not analysed: a frame could not be read from the video');
    expect(verdict(failing, 'de').text).toBe('Bild nicht analysiert: Aus dem Video konnte kein Bild gelesen werden');
    expect(verdict(reduceOverlay(failing, { type: 'frame-error', error: 'Frame is not a decodable JPEG' })).text).toBe('Frame not analysed: Frame is not a decodable JPEG');
    expect(verdict(reduceOverlay(failing, analysis([]))).text).toBe('Show your face to the camera');
  });

  it('says why the camera did not start and what to do, until a video plays', () => {
    const denied = run(ready, { type: 'camera-error', code: 'denied' });
    expect(verdict(denied)).toEqual({ context: 'The camera is blocked', text: 'Allow the camera with the camera or lock icon in the address bar, then reload the page', tone: 'error' });
    expect(verdict(run(ready, { type: 'camera-error', code: 'busy' }), 'de').context).toBe('Die Kamera ist belegt');
    expect(verdict(run(ready, { type: 'camera-error', code: 'missing' })).context).toBe('No camera found');
    // The page asks again and gets a camera: the error is over.
    expect(verdict(reduceOverlay(denied, started())).text).toBe('Analysing…');
    // A live video keeps being analysed when a second camera request fails.
    expect(verdict(run(ready, started(), { type: 'camera-error', code: 'busy' })).text).toBe('Analysing…');
  });

  it('never shows the label a page gave its video in the status line', () => {
    const state = run(ready, { type: 'camera-started', streamId: 's1', label: 'Call +1-555-0100 now', audience: 'self' }, { type: 'tap-error', code: 'tap-failed' });
    expect(verdict(state).text).toBe('Frame not analysed: FaceReady could not follow this page’s videos');
    expect(verdict(run(ready, { type: 'camera-started', streamId: 's1', label: 'Call +1-555-0100 now', audience: 'self' })).text).toBe('Analysing…');
  });
});

describe('cascadeWords (the eye row)', () => {
  it('says "not run" when the cascade did not run, in English and German, and its state when it did', () => {
    expect(cascadeWords({ cascadeRan: false, haarState: 'uncertain' })).toBe('not run');
    expect(cascadeWords({ cascadeRan: false, haarState: 'uncertain' }, 'de')).toBe('nicht ausgeführt');
    expect(cascadeWords({ cascadeRan: true, haarState: 'open' })).toBe('open');
    expect(cascadeWords({ cascadeRan: true, haarState: 'closed' }, 'de')).toBe('geschlossen');
    expect(cascadeWords({ cascadeRan: true, haarState: 'uncertain' })).toBe('uncertain');
  });
});
