import { describe, expect, it } from 'vitest';
import type { FrameAnalysis } from '../../../src/protocol/messages';
import { INITIAL_OVERLAY_STATE, reduceOverlay, verdict, type OverlayEvent, type OverlayState } from '../../../src/ui/overlay-state';

const run = (...events: OverlayEvent[]): OverlayState => events.reduce(reduceOverlay, INITIAL_OVERLAY_STATE);
const ready: OverlayEvent = { type: 'engine-state', state: { state: 'ready', backend: 'wasm' } };
const started = (streamId = 's1'): OverlayEvent => ({ type: 'camera-started', streamId, label: 'Fake camera' });
const face = (height: number, luminance: number | null = 128) => ({
  box: { x: 0, y: 0, width: height * 0.8, height },
  detectorScore: 0.9,
  meshScore: 0.9,
  mesh: [],
  luminance,
});
const analysis = (faces: ReturnType<typeof face>[], streamId = 's1'): OverlayEvent => ({
  type: 'analysis',
  analysis: {
    frameId: 1,
    streamId,
    width: 640,
    height: 480,
    capturedAt: 0,
    backend: 'wasm',
    faces,
    timings: { transportMs: 0, decodeMs: 0, detectorMs: 0, meshMs: 0, irisMs: 0, totalMs: 0 },
  } as FrameAnalysis,
});

describe('overlay verdict', () => {
  it('walks from waiting to loading to analysing', () => {
    expect(verdict(run()).text).toBe('Waiting for the camera');
    expect(verdict(run(started())).text).toBe('Loading face models…');
    expect(verdict(run(started(), ready)).text).toBe('Analysing…');
  });

  it('reports no face, a good face, and hints in plain words', () => {
    expect(verdict(run(ready, started(), analysis([])))).toEqual({ text: 'No face found', tone: 'warn' });
    expect(verdict(run(ready, started(), analysis([face(240)])))).toEqual({ text: 'Face found: size and light OK', tone: 'ok' });
    expect(verdict(run(ready, started(), analysis([face(40, 20)]))).text).toBe('Face found: move closer, more light needed');
    expect(verdict(run(ready, started(), analysis([face(240), face(100)]))).text).toBe('2 faces found: size and light OK');
  });

  it('says the camera stopped when the last stream ends, but not while another is live', () => {
    expect(verdict(run(ready, started('a'), { type: 'camera-ended', streamId: 'a', liveStreams: 0 })).text).toBe('Camera stopped');
    const other = run(ready, started('a'), started('b'), { type: 'camera-ended', streamId: 'b', liveStreams: 1 }, started('a'));
    expect(verdict(other).text).toBe('Analysing…');
  });

  it('ignores late results from a stream that is no longer analysed', () => {
    const state = run(ready, started('a'), { type: 'camera-ended', streamId: 'a', liveStreams: 0 }, analysis([face(240)], 'a'));
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
