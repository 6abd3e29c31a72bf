import { describe, expect, it } from 'vitest';
import type { Point3 } from '../../../src/model/face/types';
import type { QualitySummary } from '../../../src/protocol/messages';
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

function input(overrides: Partial<ReadinessInput> = {}): ReadinessInput {
  const faces = overrides.faces ?? [face()];
  return { width: 640, height: 480, faces, quality: quality('good'), eyeState: 'open', track: faces[0] ? still(faces[0].box) : [], ...overrides };
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
    expect(r.hints).toEqual(['remove-glasses', 'more-light', 'move-closer', 'centre-face', 'one-person']);
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

  it('has a default config for every profile', () => {
    expect(Object.keys(DEFAULT_PROFILE_CONFIGS).sort()).toEqual([...PROFILE_IDS].sort());
  });

  it('takes a custom config', () => {
    const strict = { ...DEFAULT_PROFILE_CONFIGS.consult, centring: { x: 0.01, y: 0.01 } };
    expect(assessReadiness('consult', input({ faces: [face(340, 240)] }), strict).hints).toEqual(['centre-face']);
  });
});
