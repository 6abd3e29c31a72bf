import { fuseVerdict } from '../../../src/model/fusion/fuse-verdict';
import { describe, expect, it } from 'vitest';
import { CHECK_MESSAGES } from '../../../src/i18n/check-messages';
import { translator } from '../../../src/i18n/translate';
import type { Point3 } from '../../../src/model/face/types';
import type { FrameAnalysis, QualitySummary } from '../../../src/protocol/messages';
import { verdictWords } from '../../../src/ui/overlay-state';
import { checkVerdict, INITIAL_CHECK_STATE, problemText, reduceCheck, type CheckEvent, type CheckState } from '../../../src/ui/check/check-state';
import { HEAD_POSE_LANDMARKS } from '../../../src/workflow/head-pose';
import { HINT_IDS, type HintId } from '../../../src/workflow/types';

const t = translator(CHECK_MESSAGES, 'en');
const wordHint = (hint: HintId) => t(`hint.${hint}`);

function frontalMesh(cx: number, cy: number, size: number): Point3[] {
  const mesh: Point3[] = Array.from({ length: 468 }, () => [cx, cy, 0]);
  mesh[HEAD_POSE_LANDMARKS.rightEyeOuter] = [cx - size / 4, cy - size / 8, 0];
  mesh[HEAD_POSE_LANDMARKS.leftEyeOuter] = [cx + size / 4, cy - size / 8, 0];
  mesh[HEAD_POSE_LANDMARKS.foreheadTop] = [cx, cy - size / 2, 0];
  mesh[HEAD_POSE_LANDMARKS.chin] = [cx, cy + size / 2, 0];
  return mesh;
}

const face = (cx = 256, cy = 240, size = 220) => ({
  box: { x: cx - size / 2, y: cy - size / 2, width: size, height: size },
  detectorScore: 0.9,
  meshScore: 0.9,
  mesh: frontalMesh(cx, cy, size),
  luminance: 128,
});

function quality(label: QualitySummary['label'], p = 0.9): QualitySummary {
  const probabilities = { blur: 0.02, eyeglasses: 0.02, good: 0.02, covered: 0.02, wrong: 0.02 };
  probabilities[label] = p;
  return { label, confidence: p, uncertain: false, probabilities };
}

function analysis(overrides: Partial<FrameAnalysis> = {}): FrameAnalysis {
  const eye = { state: 'open' as const, ear: 0.3 };
  const classified = overrides.quality ?? quality('good');
  return {
    measures: null,
    verdict: fuseVerdict(classified, null),
    frameId: 1,
    streamId: 'still',
    width: 512,
    height: 512,
    capturedAt: 0,
    backend: 'cpu',
    faces: [face()],
    quality: quality('good'),
    eyes: { state: 'open', landmarkState: 'open', haarState: 'open', openness: 0.3, closedLogit: -5, confidentlyClosed: false, cascadeRan: true, right: eye, left: eye },
    timings: { transportMs: 0, decodeMs: 0, detectorMs: 0, meshMs: 0, irisMs: 0, classifierMs: 0, eyesMs: 0, measuresMs: 0, totalMs: 0 },
    ...overrides,
  };
}

const ready: CheckEvent = { type: 'engine-state', state: { state: 'ready', backend: 'webgl' } };
const run = (...events: CheckEvent[]) => events.reduce(reduceCheck, INITIAL_CHECK_STATE);
const size = { width: 512, height: 512 };
const decodedAndAnalysed = (checkId: number, result: FrameAnalysis): CheckEvent[] => [
  { type: 'reading', checkId, source: { kind: 'file', name: 'me.png' } },
  { type: 'decoded', checkId, size, original: size },
  { type: 'analysis', checkId, analysis: result },
];
const say = (state: CheckState) => checkVerdict(state, t, wordHint, (a) => verdictWords(a.verdict, a.quality, 'en'));

describe('reduceCheck and checkVerdict', () => {
  it('walks an image from waiting to a ready verdict, with the ID-photo checks', () => {
    expect(say(run())).toEqual({ text: 'Drop, paste or choose an image to check.', tone: 'info' });
    const reading = run(ready, { type: 'reading', checkId: 1, source: { kind: 'paste' } });
    expect(say(reading).text).toBe('Reading the image…');
    const done = run(ready, ...decodedAndAnalysed(1, analysis()));
    expect(done.still.status).toBe('done');
    expect(say(done)).toEqual({ text: 'Face found: good quality (90%). Ready for an ID photo.', tone: 'ok' });
    if (done.still.status !== 'done') throw new Error('not done');
    expect(done.still.readiness.profile).toBe('id-photo');
    expect(done.still.readiness.checks.map((c) => c.id)).toContain('pose');
  });

  it('says what to change when the photo is not fit for an ID photo, most important first', () => {
    const glasses = analysis({ quality: quality('eyeglasses'), faces: [face(256, 240, 100)] });
    const { text, tone } = say(run(ready, ...decodedAndAnalysed(1, glasses)));
    expect(tone).toBe('warn');
    expect(text).toBe('Face found: glasses on (90%). Not ready for an ID photo: Retake it without glasses; Crop closer to the face, or retake it from closer.');
  });

  it('words the fused verdict: a blurred photo the classifier calls good is "blurred (Sharpness)", and says to use a sharper one', () => {
    const blurred = analysis({ measures: { sharpness: { raw: 4, score: 10 } }, verdict: { label: 'blur', uncertain: false, evidence: ['sharpness'] } });
    const done = run(ready, ...decodedAndAnalysed(1, blurred));
    expect(say(done).text).toMatch(/^Face found: blurred \(Sharpness\)\. Not ready for an ID photo: Use a sharper photo/);
    expect(done.still.status === 'done' && done.still.readiness.checks.find((c) => c.id === 'sharpness')).toMatchObject({ passed: false, score: 10 });
  });

  it('counts several faces and reports a missing face with the whole-image verdict', () => {
    const two = analysis({ faces: [face(150, 240, 180), face(380, 240, 180)] });
    expect(say(run(ready, ...decodedAndAnalysed(1, two))).text).toMatch(/^2 faces found: good quality \(90%\)\. Not ready for an ID photo: .*Use a photo of one person only\.$/);
    const none = analysis({ faces: [], quality: quality('wrong', 0.8), eyes: null });
    expect(say(run(ready, ...decodedAndAnalysed(1, none)))).toEqual({ text: 'No face found: not a usable face (80%). Not usable as an ID photo.', tone: 'warn' });
  });

  it('waits for the models while the engine loads, and shows an engine failure', () => {
    const analysing = run({ type: 'reading', checkId: 1, source: { kind: 'paste' } }, { type: 'decoded', checkId: 1, size, original: size });
    expect(say(analysing).text).toBe('Loading face models…');
    expect(say(reduceCheck(analysing, ready)).text).toBe('Analysing the image…');
    const broken = reduceCheck(analysing, { type: 'engine-state', state: { state: 'error', error: 'no WebGL' } });
    expect(say(broken)).toEqual({ text: 'FaceReady cannot analyse: no WebGL', tone: 'error' });
  });

  it('ignores events about an image that a newer one replaced', () => {
    const first = run(ready, { type: 'reading', checkId: 1, source: { kind: 'paste' } }, { type: 'decoded', checkId: 1, size, original: size });
    const second = reduceCheck(first, { type: 'reading', checkId: 2, source: { kind: 'file', name: 'b.png' } });
    const late = reduceCheck(second, { type: 'analysis', checkId: 1, analysis: analysis() });
    expect(late).toBe(second);
    expect(reduceCheck(second, { type: 'problem', checkId: 1, problem: { kind: 'empty' } })).toBe(second);
    expect(reduceCheck(second, { type: 'reading', checkId: 1, source: { kind: 'paste' } })).toBe(second);
  });

  it('shows a bad input as an error naming the problem', () => {
    const failed = run(ready, { type: 'reading', checkId: 1, source: { kind: 'file', name: 'scan.pdf' } }, { type: 'problem', checkId: 1, problem: { kind: 'not-image', found: 'pdf' } });
    expect(failed.still).toMatchObject({ status: 'failed', source: { kind: 'file', name: 'scan.pdf' } });
    expect(say(failed)).toEqual({ text: 'This is a PDF, not an image. Export the page as a JPEG or PNG and drop that.', tone: 'error' });
  });
});

describe('still hints', () => {
  it('words every workflow hint for a photo, in English and German', () => {
    const de = translator(CHECK_MESSAGES, 'de');
    for (const hint of HINT_IDS) {
      expect(t(`hint.${hint}`)).toMatch(/^[A-Z]/);
      expect(de(`hint.${hint}`)).not.toBe(t(`hint.${hint}`));
    }
  });
});

describe('problemText', () => {
  it('words every kind of bad input specifically', () => {
    expect(problemText({ kind: 'too-small', width: 40, height: 50, minSide: 64 }, t)).toBe('This image is too small (40×50 px): a face check needs at least 64 px on each side.');
    expect(problemText({ kind: 'too-many-pixels', width: 20000, height: 20000, maxPixels: 50_000_000 }, t)).toBe(
      'This image is too large (20000×20000 px, 400.0 megapixels; the limit is 50.0 megapixels).',
    );
    expect(problemText({ kind: 'file-too-large', bytes: 50 * 1024 * 1024, maxBytes: 40 * 1024 * 1024 }, t)).toBe('This file is too large (50.0 MB; the limit is 40.0 MB).');
    expect(problemText({ kind: 'corrupt', format: 'jpeg', reason: 'truncated' }, t)).toMatch(/damaged: the file ends before the picture does/);
    expect(problemText({ kind: 'unreadable-cross-origin', url: 'https://x.example/a.jpg' }, t)).toBe(
      'This site does not allow its image to be read. Save the image and drop the file here.',
    );
    expect(problemText({ kind: 'fetch-failed', url: 'https://x.example/a.jpg', status: 404 }, t)).toMatch(/\(HTTP 404\)/);
    expect(problemText({ kind: 'engine-error', error: 'no answer' }, t)).toBe('The analysis failed: no answer');
  });

  it('speaks German', () => {
    expect(problemText({ kind: 'not-image', found: 'text' }, translator(CHECK_MESSAGES, 'de'))).toBe('Das ist eine Textdatei, kein Bild.');
  });
});

describe('the check page’s status line under a hostile image address', () => {
  it('words a failed fetch or an unreadable image by its kind and HTTP status only, never the page-chosen address', () => {
    const url = 'https://portal.example/Ready for the ID photo — call +1-555-0100.jpg';
    for (const problem of [
      { kind: 'fetch-failed', url, status: 404 },
      { kind: 'fetch-failed', url, status: null },
      { kind: 'unreadable-cross-origin', url },
    ] as const) {
      const text = problemText(problem, t);
      expect(text).not.toContain('555-0100');
      expect(text).not.toContain('Ready');
    }
  });
});
