import { describe, expect, it } from 'vitest';
import type { EyeSummary, FrameAnalysis, QualitySummary } from '../../../src/protocol/messages';
import { INITIAL_OVERLAY_STATE, reduceOverlay, verdict, type OverlayEvent, type OverlayState } from '../../../src/ui/overlay-state';

const run = (...events: OverlayEvent[]): OverlayState => events.reduce(reduceOverlay, INITIAL_OVERLAY_STATE);
const ready: OverlayEvent = { type: 'engine-state', state: { state: 'ready', backend: 'wasm' } };
const started = (streamId = 's1'): OverlayEvent => ({ type: 'camera-started', streamId, label: 'Fake camera', audience: 'self' });
const face = (height: number, luminance: number | null = 128) => ({
  box: { x: 0, y: 0, width: height * 0.8, height },
  detectorScore: 0.9,
  meshScore: 0.9,
  mesh: [],
  luminance,
});
const quality = (label: QualitySummary['label'], confidence = 0.9, uncertain = false): QualitySummary => ({
  label,
  confidence,
  uncertain,
  probabilities: { blur: 0, eyeglasses: 0, good: 0, covered: 0, wrong: 0, [label]: confidence },
});
const eyesOf = (state: EyeSummary['state']): EyeSummary => ({
  state,
  landmarkState: state,
  haarState: state,
  right: { state, ear: 0.3 },
  left: { state, ear: 0.3 },
});
const analysis = (
  faces: ReturnType<typeof face>[],
  options: { streamId?: string; quality?: QualitySummary; eyes?: EyeSummary | null; at?: number } = {},
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
    quality: options.quality ?? quality(faces.length ? 'good' : 'wrong'),
    eyes: options.eyes ?? null,
    timings: { transportMs: 0, decodeMs: 0, detectorMs: 0, meshMs: 0, irisMs: 0, classifierMs: 0, eyesMs: 0, totalMs: 0 },
  } satisfies FrameAnalysis,
});

describe('overlay verdict', () => {
  it('walks from waiting to loading to analysing', () => {
    expect(verdict(run()).text).toBe('Waiting for the camera');
    expect(verdict(run(started())).text).toBe('Loading face models…');
    expect(verdict(run(started(), ready)).text).toBe('Analysing…');
  });

  it('reports no face, the quality class, and hints in plain words', () => {
    expect(verdict(run(ready, started(), analysis([])))).toEqual({ text: 'No face found', tone: 'warn' });
    expect(verdict(run(ready, started(), analysis([face(240)])))).toEqual({ text: 'Face found: good quality (90%)', tone: 'ok' });
    expect(verdict(run(ready, started(), analysis([face(40, 20)]))).text).toBe('Face found: good quality (90%), move closer, more light needed');
    expect(verdict(run(ready, started(), analysis([face(240), face(100)]))).text).toBe('2 faces found: good quality (90%)');
  });

  it('names the defect class with its probability, and says when it is unsure', () => {
    expect(verdict(run(ready, started(), analysis([face(240)], { quality: quality('blur', 0.87) })))).toEqual({ text: 'Face found: blurred (87%)', tone: 'warn' });
    expect(verdict(run(ready, started(), analysis([face(240)], { quality: quality('eyeglasses', 0.95) }))).text).toBe('Face found: glasses on (95%)');
    expect(verdict(run(ready, started(), analysis([face(240)], { quality: quality('good', 0.41, true) })))).toEqual({ text: 'Face found: quality uncertain', tone: 'warn' });
  });

  it('reports the eye state only once it has held for 300 ms, so a blink is not closure', () => {
    const good = (state: EyeSummary['state'], at: number) => analysis([face(240)], { eyes: eyesOf(state), at });
    expect(verdict(run(ready, started(), good('open', 0), good('open', 100))).text).toBe('Face found: good quality (90%)');
    const open = run(ready, started(), good('open', 0), good('open', 200), good('open', 400));
    expect(verdict(open).text).toBe('Face found: good quality (90%), eyes open');
    const blink = [good('closed', 600), good('closed', 800), good('open', 900)].reduce(reduceOverlay, open);
    expect(verdict(blink).text).toBe('Face found: good quality (90%), eyes open');
    const closed = [good('closed', 600), good('closed', 800), good('closed', 1000)].reduce(reduceOverlay, open);
    expect(verdict(closed).text).toBe('Face found: good quality (90%), eyes closed');
  });

  it('does not show an eye state for a face that is not good', () => {
    const state = run(ready, started(), analysis([face(240)], { eyes: eyesOf('open'), at: 0 }), analysis([face(240)], { eyes: eyesOf('open'), at: 500 }));
    const glasses = reduceOverlay(state, analysis([face(240)], { quality: quality('eyeglasses'), at: 700 }));
    expect(verdict(glasses).text).toBe('Face found: glasses on (90%)');
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

  it('puts an engine error first, with its message', () => {
    const state = run(started(), { type: 'engine-state', state: { state: 'error', error: 'model file models/x.json failed to load (HTTP 404)' } });
    expect(verdict(state)).toEqual({ text: 'FaceReady cannot analyse: model file models/x.json failed to load (HTTP 404)', tone: 'error' });
  });

  it('shows a frame error until the next result', () => {
    const failing = run(ready, started(), { type: 'frame-error', error: 'Frame is not a decodable JPEG' });
    expect(verdict(failing).text).toBe('Frame not analysed: Frame is not a decodable JPEG');
    expect(verdict(reduceOverlay(failing, analysis([]))).text).toBe('No face found');
  });
});
