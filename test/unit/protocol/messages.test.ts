import { describe, expect, it } from 'vitest';
import { parse, ProtocolError } from '../../../src/protocol/check';
import { backgroundRequest, engineEvent, engineRequest, tapConfig, tapMessage } from '../../../src/protocol/messages';
import { validAnalysis as analysis, validFace as face, validWireFrame as frame } from './wire-fixtures';

describe('message validation', () => {
  it('accepts well-formed messages of every kind', () => {
    expect(parse(engineRequest, { type: 'analyze', frame }, 'request')).toEqual({ type: 'analyze', frame });
    expect(parse(engineEvent, { type: 'analysis', analysis }, 'event').type).toBe('analysis');
    expect(parse(engineEvent, { type: 'engine-state', state: { state: 'ready', backend: 'wasm' } }, 'event').type).toBe('engine-state');
    expect(parse(backgroundRequest, { type: 'set-site-enabled', origin: 'https://a.example', enabled: true }, 'request').type).toBe('set-site-enabled');
    expect(tapMessage({ channel: 'faceready/tap', type: 'camera-ended', streamId: 'x', liveStreams: 0 })).toBeNull();
    expect(tapConfig({ channel: 'faceready/overlay', type: 'configure', fps: 5, maxSide: 640, prefer: 'camera' })).toBeNull();
  });

  it('rejects unknown types with the offending tag named', () => {
    expect(() => parse(engineRequest, { type: 'explode' }, 'request')).toThrow('request.type is not a known message type, got a string of 7 characters');
    expect(() => parse(engineRequest, null, 'request')).toThrow(ProtocolError);
  });

  it('names the exact path of a wrong field', () => {
    expect(() => parse(engineRequest, { type: 'analyze', frame: { ...frame, width: '64' } }, 'request')).toThrow(
      'request.frame.width must be a finite number, got a string of 2 characters',
    );
    expect(() => parse(engineRequest, { type: 'analyze', frame: { ...frame, encoding: 'gif' } }, 'request')).toThrow(/encoding must be one of "jpeg", "rgba"/);
    const badFace = { ...face, mesh: [[1, 2]] };
    expect(() => parse(engineEvent, { type: 'analysis', analysis: { ...analysis, faces: [badFace] } }, 'event')).toThrow(
      'event.analysis.faces[0].mesh[0] must be a tuple of 3',
    );
  });

  it('accepts only known measures, each with a finite raw value and score', () => {
    const withMeasures = (measures: unknown) => engineEvent({ type: 'analysis', analysis: { ...analysis, measures } });
    expect(withMeasures(null)).toBeNull();
    expect(withMeasures({})).toBeNull();
    // An unknown measure is dropped, as any unknown key is (src/protocol/check.ts).
    expect(parse(engineEvent, { type: 'analysis', analysis: { ...analysis, measures: { smile: { raw: 1, score: 1 }, roll: { raw: 1, score: 2 } } } }, 'event')).toMatchObject({ analysis: { measures: { roll: { raw: 1, score: 2 } } } });
    expect(parse(engineEvent, { type: 'analysis', analysis: { ...analysis, measures: { smile: { raw: 1, score: 1 } } } }, 'event')).toMatchObject({ analysis: { measures: {} } });
    expect(withMeasures({ sharpness: { raw: Number.NaN, score: 1 } })).toMatch(/measures\.sharpness\.raw must be a finite number/);
    expect(withMeasures([])).toMatch(/measures must be an object/);
  });

  it('checks the verdict and its evidence', () => {
    const withVerdict = (verdict: unknown) => engineEvent({ type: 'analysis', analysis: { ...analysis, verdict } });
    expect(withVerdict({ label: 'blur', uncertain: false, evidence: ['classifier', 'sharpness'] })).toBeNull();
    expect(withVerdict({ label: 'blur', uncertain: false, evidence: ['a rumour'] })).toMatch(/verdict\.evidence\[0\] must be one of/);
    expect(withVerdict({ label: 'smiling', uncertain: false, evidence: [] })).toMatch(/verdict\.label must be one of/);
  });

  it('checks the quality class and eye state vocabularies', () => {
    expect(engineEvent({ type: 'analysis', analysis: { ...analysis, eyes: null } })).toBeNull();
    expect(engineEvent({ type: 'analysis', analysis: { ...analysis, quality: { ...analysis.quality, label: 'smiling' } } })).toMatch(/quality\.label must be one of/);
    expect(engineEvent({ type: 'analysis', analysis: { ...analysis, eyes: { ...analysis.eyes, state: 'half' } } })).toMatch(/eyes\.state must be one of/);
  });

  it('rejects non-finite numbers and oversized arrays', () => {
    expect(() => parse(engineRequest, { type: 'analyze', frame: { ...frame, sentAt: Infinity } }, 'request')).toThrow(/finite number/);
    const crowd = { ...analysis, faces: Array.from({ length: 9 }, () => face) };
    expect(() => parse(engineEvent, { type: 'analysis', analysis: crowd }, 'event')).toThrow(/9 items, at most 8/);
  });

  it('treats optional fields as optional and checks them when present', () => {
    const withIris = { ...face, iris: { left: Array.from({ length: 5 }, () => [0, 0, 0]), right: [] } };
    expect(engineEvent({ type: 'analysis', analysis: { ...analysis, faces: [withIris] } })).toBeNull();
    expect(engineEvent({ type: 'analysis', analysis: { ...analysis, faces: [{ ...face, iris: 'yes' }] } })).toMatch(/iris must be an object/);
  });

  it('does not accept a tap message from another channel', () => {
    expect(tapMessage({ channel: 'evil', type: 'camera-ended', streamId: 'x', liveStreams: 0 })).toMatch(/channel must be one of/);
  });
});
