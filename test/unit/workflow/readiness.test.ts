import { describe, expect, it } from 'vitest';
import type { Point3 } from '../../../src/model/face/types';
import type { FusedVerdict, QualitySummary } from '../../../src/protocol/messages';
import type { QualityMeasures } from '../../../src/protocol/quality-measures';
import { DEFAULT_MEASURE_BANDS } from '../../../src/workflow/measure-bands';
import { HEAD_POSE_CONFIG, HEAD_POSE_LANDMARKS } from '../../../src/workflow/head-pose';
import { DEFAULT_PROFILE_CONFIGS } from '../../../src/workflow/profiles';
import { assessReadiness, type ReadinessInput } from '../../../src/workflow/readiness';
import { HINT_IDS, PROFILE_IDS } from '../../../src/workflow/types';

/** A frontal mesh: only the pose points matter to the rules. */
function frontalMesh(cx: number, cy: number, size: number): Point3[] {
  const mesh: Point3[] = Array.from({ length: 468 }, () => [cx, cy, 0]);
  mesh[HEAD_POSE_LANDMARKS.rightEyeOuter] = [cx - size / 4, cy - size / 8, 0];
  mesh[HEAD_POSE_LANDMARKS.leftEyeOuter] = [cx + size / 4, cy - size / 8, 0];
  mesh[HEAD_POSE_LANDMARKS.foreheadTop] = [cx, cy - size / 2, 0];
  // A real face's chin sits further back than its forehead top (HEAD_POSE_CONFIG.neutralPitch).
  mesh[HEAD_POSE_LANDMARKS.chin] = [cx, cy + size / 2, -size * Math.tan((HEAD_POSE_CONFIG.neutralPitch * Math.PI) / 180)];
  return mesh;
}

/** A face of height `size` centred at (cx, cy) in a 640×480 frame. */
const face = (cx = 320, cy = 240, size = 200, luminance: number | null = 128) => ({
  box: { x: cx - size / 2, y: cy - size / 2, width: size, height: size },
  mesh: frontalMesh(cx, cy, size),
  luminance,
});

const quality = (label: QualitySummary['label'], p = 0.9, uncertain = false): QualitySummary => {
  const probabilities = { blur: 0.01, eyeglasses: 0.01, good: 0.01, covered: 0.01, wrong: 0.01 };
  probabilities[label] = p;
  return { label, confidence: p, uncertain, probabilities };
};

const still = (box: ReturnType<typeof face>['box']) => [0, 200, 400, 600].map((capturedAt) => ({ box, capturedAt }));

/** The classifier's verdict standing alone, as the fusion gives it when no measure objects. */
const alone = (q: QualitySummary): FusedVerdict => ({ label: q.label, uncertain: q.uncertain, evidence: ['classifier'] });

function input(overrides: Partial<ReadinessInput> = {}): ReadinessInput {
  const faces = overrides.faces ?? [face()];
  const classified = overrides.quality ?? quality('good');
  return { width: 640, height: 480, faces, quality: classified, verdict: alone(classified), measures: null, eyeState: 'open', track: faces[0] ? still(faces[0].box) : [], ...overrides };
}

/** Every measure a profile bands, at a score of 90 and a raw value inside any raw band. */
function goodMeasures(profile: keyof typeof DEFAULT_MEASURE_BANDS, extra: QualityMeasures = {}): QualityMeasures {
  const measures: QualityMeasures = {};
  for (const [id, band] of Object.entries(DEFAULT_MEASURE_BANDS[profile])) {
    const raw = band.on === 'raw' ? ((band.min ?? 0) + (band.max ?? 0)) / 2 : 1;
    measures[id as keyof QualityMeasures] = { raw, score: 90 };
  }
  return { ...measures, ...extra };
}

const checkOf = (readiness: ReturnType<typeof assessReadiness>, id: string) => readiness.checks.find((c) => c.id === id);

describe('assessReadiness', () => {
  it('a clear, centred, open-eyed face is ready for the consult and the ID photo, but not for UV imaging', () => {
    expect(assessReadiness('consult', input())).toMatchObject({ ready: true, hints: [] });
    expect(assessReadiness('id-photo', input())).toMatchObject({ ready: true, hints: [] });
    const uv = assessReadiness('uv', input());
    expect(uv.ready).toBe(false);
    expect(uv.hints).toEqual(['close-eyes']);
    expect(assessReadiness('uv', input({ eyeState: 'closed' }))).toMatchObject({ ready: true, hints: [] });
  });

  it('lists every check of the profile with its value and threshold', () => {
    const r = assessReadiness('id-photo', input());
    expect(r.checks.map((c) => c.id)).toEqual(['face', 'quality', 'glasses', 'light', 'face-size', 'centring', 'pose', 'one-face', 'eyes']);
    expect(checkOf(r, 'face-size')).toMatchObject({ passed: true, value: 0.42, hint: null });
    expect(checkOf(r, 'face-size')!.threshold).toContain('0.3');
    expect(checkOf(r, 'pose')!.value).toBe('yaw 0°, pitch 0°, roll 0°');
    expect(structuredClone(r)).toEqual(r);
  });

  it('with no face: not ready, "show your face", and the face checks are unmeasured', () => {
    const r = assessReadiness('consult', input({ faces: [], quality: quality('wrong') }));
    expect(r.ready).toBe(false);
    expect(r.hints).toEqual(['show-face']);
    expect(checkOf(r, 'centring')!.passed).toBeNull();
    expect(checkOf(r, 'eyes')!.passed).toBeNull();
  });

  it('maps the classifier classes to hints, and an uncertain verdict is not ready without a specific hint', () => {
    expect(assessReadiness('consult', input({ quality: quality('eyeglasses'), eyeState: null })).hints).toEqual(['remove-glasses']);
    expect(assessReadiness('consult', input({ quality: quality('covered'), eyeState: null })).hints).toEqual(['uncover-face']);
    expect(assessReadiness('consult', input({ quality: quality('blur'), eyeState: null })).hints).toEqual(['hold-still']);
    const uncertain = assessReadiness('consult', input({ quality: quality('good', 0.4, true), eyeState: null }));
    expect(uncertain).toMatchObject({ ready: false, hints: [] });
  });

  it('does not judge the eyes of a face that is not confidently good', () => {
    const r = assessReadiness('uv', input({ quality: quality('blur') }));
    expect(checkOf(r, 'eyes')!.passed).toBeNull();
    expect(r.hints).toEqual(['hold-still']);
  });

  it('orders several hints by the issue\'s priority', () => {
    const dark = face(120, 240, 60, 20);
    const r = assessReadiness('id-photo', input({ faces: [dark, face(520, 240, 40)], quality: quality('eyeglasses', 0.8) }));
    expect(r.hints).toEqual(['more-light', 'remove-glasses', 'move-closer', 'centre-face', 'one-person']);
    expect(HINT_IDS.indexOf('remove-glasses')).toBeLessThan(HINT_IDS.indexOf('close-eyes'));
  });

  it('asks for less light, to move back, and to hold still when the face moves (UV)', () => {
    expect(assessReadiness('consult', input({ faces: [face(320, 240, 200, 240)] })).hints).toEqual(['less-light']);
    expect(assessReadiness('id-photo', input({ faces: [face(320, 240, 440)] })).hints).toEqual(['move-back']);
    const moving = [0, 200, 400, 600].map((capturedAt) => ({ box: { ...face().box, x: 220 + capturedAt / 10 }, capturedAt }));
    const r = assessReadiness('uv', input({ eyeState: 'closed', track: moving }));
    expect(r.hints).toEqual(['hold-still']);
    expect(checkOf(r, 'steadiness')!.value).toBeCloseTo(0.3, 6);
  });

  it('cannot confirm steadiness without a track (a still image)', () => {
    const r = assessReadiness('uv', input({ eyeState: 'closed', track: undefined }));
    expect(r.ready).toBe(false);
    expect(checkOf(r, 'steadiness')!.passed).toBeNull();
    expect(r.hints).toEqual([]);
  });

  it('asks to look at the camera when the head is turned (ID photo)', () => {
    const turned = face();
    // Pull the chin towards the camera: the face reads as tipped up by about 36°.
    turned.mesh[HEAD_POSE_LANDMARKS.chin] = [320, 340, -100];
    const r = assessReadiness('id-photo', input({ faces: [turned] }));
    expect(r.hints).toEqual(['look-at-camera']);
  });

  it('scores P(good) times the share of checks passed', () => {
    expect(assessReadiness('consult', input()).score).toBeCloseTo(0.9, 10);
    const uv = assessReadiness('uv', input());
    expect(uv.score).toBeCloseTo((0.9 * (uv.checks.length - 1)) / uv.checks.length, 10);
    expect(assessReadiness('consult', input({ quality: quality('good', 0.99) })).score).toBeGreaterThan(assessReadiness('consult', input()).score);
  });

  it('a face in near darkness is told to turn on a light first, though the verdict calls the frame `wrong`', () => {
    const dark = { ...face(), luminance: 2 };
    const wrong = quality('wrong', 0.97);
    const bare = assessReadiness('consult', input({ faces: [dark], quality: wrong, eyeState: null }));
    expect(bare.hints).toEqual(['more-light', 'show-face']);
    const measured = assessReadiness('consult', input({ faces: [dark], quality: wrong, eyeState: null, measures: goodMeasures('consult', { 'under-exposure': { raw: 0.99, score: 1 }, sharpness: { raw: 0.1, score: 5 } }) }));
    expect(measured.hints[0]).toBe('more-light');
    expect(measured.hints).toEqual(['more-light', 'hold-still', 'show-face']);
  });

  it('a blurred face the classifier calls good: the sharpness measure (and the fused verdict) ask to hold still / focus', () => {
    const blurred = goodMeasures('consult', { sharpness: { raw: 3.5, score: 12 } });
    const alone = assessReadiness('consult', input({ measures: blurred }));
    expect(alone.ready).toBe(false);
    expect(alone.hints).toEqual(['hold-still']);
    expect(checkOf(alone, 'sharpness')).toEqual({ id: 'sharpness', passed: false, value: 3.5, score: 12, threshold: `score ≥ ${DEFAULT_MEASURE_BANDS.consult.sharpness!.min}`, hint: 'hold-still' });
    const fused = assessReadiness('consult', input({ measures: blurred, verdict: { label: 'blur', uncertain: false, evidence: ['sharpness'] } }));
    expect(fused.hints).toEqual(['hold-still']);
    expect(checkOf(fused, 'quality')).toMatchObject({ passed: false, value: 'blur, from sharpness', hint: 'hold-still' });
    // The eyes of a face the verdict calls blurred are not judged, whatever the classifier alone said.
    expect(checkOf(fused, 'eyes')!.passed).toBeNull();
  });

  it('a measure the frame lacks is "not measured", never a pass; a frame with no measures at all keeps the box checks', () => {
    const partial = goodMeasures('consult');
    delete partial.sharpness;
    const r = assessReadiness('consult', input({ measures: partial }));
    expect(checkOf(r, 'sharpness')).toMatchObject({ passed: null, value: null, score: null, hint: null });
    expect(r).toMatchObject({ ready: false, hints: [] });
    expect(assessReadiness('consult', input({ measures: goodMeasures('consult') }))).toMatchObject({ ready: true, hints: [] });
    const none = assessReadiness('consult', input({ measures: null }));
    expect(none.ready).toBe(true);
    expect(none.checks.some((c) => c.id === 'sharpness')).toBe(false);
  });

  it('lists every banded measure with its raw value, score and band', () => {
    const r = assessReadiness('id-photo', input({ measures: goodMeasures('id-photo') }));
    const banded = Object.keys(DEFAULT_MEASURE_BANDS['id-photo']);
    expect(r.checks.filter((c) => banded.includes(c.id)).map((c) => c.id).sort()).toEqual([...banded].sort());
    expect(checkOf(r, 'yaw')).toMatchObject({ passed: true, value: 0, score: 90, threshold: 'value -8° to 8°' });
  });

  it('ID photo: a frame across the nose fails the glasses-frame band and asks to take the glasses off', () => {
    const framed = assessReadiness('id-photo', input({ measures: goodMeasures('id-photo', { 'glasses-frame': { raw: 0.25, score: 0 } }) }));
    expect(checkOf(framed, 'glasses-frame')).toMatchObject({ passed: false, value: 0.25, hint: 'remove-glasses' });
    expect(framed.hints).toEqual(['remove-glasses']);
  });

  it('ID photo: ICAO-style geometry from the measures replaces the box-based size, centring and pose checks', () => {
    const icao = { ...DEFAULT_PROFILE_CONFIGS['id-photo'], measures: { ...DEFAULT_MEASURE_BANDS['id-photo'], 'inter-eye-distance': { on: 'raw', min: 90 }, 'head-size': { on: 'score', min: 50 } } } as const;
    // A face the box checks would call far too small and off centre: the measures decide.
    const small = face(200, 140, 60);
    const fine = goodMeasures('id-photo', { 'inter-eye-distance': { raw: 120, score: 100 }, 'head-size': { raw: 0.7, score: 80 } });
    const r = assessReadiness('id-photo', input({ faces: [small], measures: fine }), icao);
    expect(r.checks.map((c) => c.id)).not.toContain('face-size');
    expect(r.checks.map((c) => c.id)).not.toContain('centring');
    expect(r.checks.map((c) => c.id)).not.toContain('pose');
    expect(r).toMatchObject({ ready: true, hints: [] });

    const far = assessReadiness('id-photo', input({ measures: { ...fine, 'inter-eye-distance': { raw: 60, score: 40 } } }), icao);
    expect(far.hints).toEqual(['move-closer']);
    const tilted = assessReadiness('id-photo', input({ measures: { ...fine, roll: { raw: 12, score: 40 }, yaw: { raw: -20, score: 20 } } }), icao);
    expect(tilted.hints).toEqual(['look-at-camera', 'straighten-head']);
    const offCentre = assessReadiness('id-photo', input({ measures: { ...fine, 'crop-left': { raw: 0.1, score: 10 } } }), icao);
    expect(offCentre.hints).toEqual(['centre-face']);
    const tooNear = assessReadiness('id-photo', input({ measures: { ...fine, 'crop-top': { raw: 0, score: 0 }, 'crop-bottom': { raw: 0, score: 0 } } }), icao);
    expect(tooNear.hints).toEqual(['move-back']);
    // Where the measure is absent, the box check stands.
    expect(assessReadiness('id-photo', input({ measures: { sharpness: { raw: 1, score: 90 } } })).checks.map((c) => c.id)).toContain('pose');
  });

  it('maps each failed measure to its plain-words hint, the two-sided ones by the side they missed', () => {
    const consult = { ...DEFAULT_PROFILE_CONFIGS.consult, measures: { 'luminance-mean': { on: 'score', min: 50 }, 'background-uniformity': { on: 'score', min: 50 }, 'compression-artefacts': { on: 'score', min: 50 }, 'mouth-closed': { on: 'score', min: 50 }, 'eyes-visible': { on: 'score', min: 50 }, 'natural-colour': { on: 'score', min: 50 }, 'illumination-uniformity': { on: 'score', min: 50 } } } as const;
    const all = (score: number): QualityMeasures => Object.fromEntries(Object.keys(consult.measures).map((id) => [id, { raw: 0, score }]));
    const r = assessReadiness('consult', input({ measures: all(10), faces: [face(320, 240, 200, 180)] }), consult);
    expect(r.hints).toEqual(['less-light', 'better-connection', 'show-eyes', 'even-light', 'white-light', 'plain-background', 'close-mouth']);
    expect(assessReadiness('consult', input({ measures: all(10), faces: [face(320, 240, 200, 70)] }), consult).hints[0]).toBe('more-light');
  });

  it('has a default config for every profile', () => {
    expect(Object.keys(DEFAULT_PROFILE_CONFIGS).sort()).toEqual([...PROFILE_IDS].sort());
  });

  it('takes a custom config', () => {
    const strict = { ...DEFAULT_PROFILE_CONFIGS.consult, centring: { x: 0.01, y: 0.01 } };
    expect(assessReadiness('consult', input({ faces: [face(340, 240)] }), strict).hints).toEqual(['centre-face']);
  });
});
