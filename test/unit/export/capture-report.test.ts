import { describe, expect, it } from 'vitest';
import { buildCaptureReport, type CaptureReportInput } from '../../../src/export/capture-report';
import { exportFileNames, fileTimestamp } from '../../../src/export/export-file-names';
import { shippedModelVersions } from '../../../src/export/shipped-model-versions';
import type { FaceSummary, FrameAnalysis } from '../../../src/protocol/messages';
import type { Readiness } from '../../../src/workflow/types';
import classifierConfig from '../../../public/models/classifier/config.json';

const face: FaceSummary = {
  box: { x: 100, y: 80, width: 200, height: 240 },
  detectorScore: 0.97,
  meshScore: 0.99,
  mesh: Array.from({ length: 468 }, () => [0, 0, 0] as [number, number, number]),
  luminance: 131,
};
const analysis: FrameAnalysis = {
  frameId: 42,
  streamId: 'cam-1',
  width: 640,
  height: 480,
  capturedAt: 1234.5,
  backend: 'webgl',
  faces: [face],
  quality: { label: 'good', confidence: 0.91, uncertain: false, probabilities: { blur: 0.03, eyeglasses: 0.02, good: 0.91, covered: 0.02, wrong: 0.02 } },
  measures: null, verdict: { label: 'good', uncertain: false, evidence: ['classifier'] },
  eyes: { state: 'closed', landmarkState: 'closed', haarState: 'uncertain', openness: 0.085, closedLogit: 6, confidentlyClosed: true, cascadeRan: false, right: { state: 'closed', ear: 0.08 }, left: { state: 'closed', ear: 0.09 } },
  timings: { transportMs: 1, decodeMs: 1, detectorMs: 1, meshMs: 1, irisMs: 1, classifierMs: 1, eyesMs: 1, measuresMs: 1, totalMs: 7 },
};
const readiness: Readiness = {
  profile: 'uv',
  ready: true,
  checks: [
    { id: 'quality', passed: true, value: 'good', threshold: 'label good, p ≥ 0.75', score: null, hint: null },
    { id: 'face-size', passed: true, value: 0.5, threshold: '≥ 0.20 of frame height', score: null, hint: null },
    { id: 'eyes', passed: true, value: 'closed', threshold: 'closed', score: null, hint: null },
    { id: 'sharpness', passed: true, value: 41.5, score: 72, threshold: 'score ≥ 30', hint: null },
  ],
  hints: [],
  score: 0.87,
};
const capturedAt = Date.UTC(2026, 10, 26, 2, 15, 7, 123);
const names = exportFileNames('uv', capturedAt, 'png');

const input: CaptureReportInput = {
  profile: 'uv',
  source: 'best-frame',
  analysis,
  readiness,
  capturedAtEpochMs: capturedAt,
  exportedAtEpochMs: capturedAt + 5000,
  image: { fileName: names.image, format: 'png', width: 512, height: 512 },
  face,
  alignment: { eyes: { right: { x: 170, y: 180 }, left: { x: 230, y: 178 } }, scale: 1.7, rotationDeg: 1.9, coverage: 1, target: { size: 512, eyeDistance: 0.2, eyeLineY: 0.45 } },
  explanation: null,
  models: shippedModelVersions(),
  app: { name: 'FaceReady', version: '0.1.0' },
};

describe('buildCaptureReport', () => {
  it('records the profile, class probabilities, eye state and every check with its value and threshold', () => {
    const report = buildCaptureReport(input);
    expect(report.format).toBe('faceready-capture-report');
    expect(report.profile).toBe('uv');
    expect(report.ready).toBe(true);
    expect(report.score).toBe(0.87);
    expect(report.quality.probabilities.good).toBe(0.91);
    expect(report.eyes?.state).toBe('closed');
    expect(report.checks).toEqual(readiness.checks);
    expect(report.formatVersion).toBe(2);
  });

  it('records the fused verdict and every quality measure with its raw value and score', () => {
    const measures = { sharpness: { raw: 41.5, score: 72 }, yaw: { raw: -3.2, score: 95 } };
    const verdict = { label: 'blur' as const, uncertain: false, evidence: ['sharpness' as const] };
    const report = JSON.parse(JSON.stringify(buildCaptureReport({ ...input, analysis: { ...analysis, measures, verdict } })));
    expect(report.verdict).toEqual(verdict);
    expect(report.measures).toEqual(measures);
    expect(report.quality.label).toBe('good');
    expect(report.checks.find((c: { id: string }) => c.id === 'sharpness')).toEqual({ id: 'sharpness', passed: true, value: 41.5, score: 72, threshold: 'score ≥ 30', hint: null });
    expect(buildCaptureReport(input).measures).toBeNull();
    expect(report.face).toEqual({ box: face.box, detectorScore: 0.97, meshScore: 0.99, luminance: 131, count: 1 });
  });

  it('records timestamps, the frame, the image and the model versions, and survives a JSON round trip', () => {
    const report = JSON.parse(JSON.stringify(buildCaptureReport(input)));
    expect(report.timestamps).toEqual({ capturedAt: '2026-11-26T02:15:07.123Z', exportedAt: '2026-11-26T02:15:12.123Z' });
    expect(report.frame).toEqual({ frameId: 42, streamId: 'cam-1', width: 640, height: 480, backend: 'webgl' });
    expect(report.image).toMatchObject({ fileName: 'faceready-uv-2026-11-26T02-15-07-123Z.png', format: 'png', mimeType: 'image/png', width: 512, height: 512 });
    expect(report.image.alignment.target).toEqual({ size: 512, eyeDistance: 0.2, eyeLineY: 0.45 });
    expect(report.models.classifier).toEqual({
      version: classifierConfig.version,
      backbone: classifierConfig.backbone,
      inputSize: classifierConfig.inputSize,
      uncertaintyThreshold: classifierConfig.uncertaintyThreshold,
    });
    expect(report.models.faceModels.map((m: { name: string }) => m.name)).toEqual(['face detector (BlazeFace)', 'face mesh', 'iris', 'eye cascade (OpenCV Haar)']);
    for (const model of report.models.faceModels) expect(model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.models.trained.map((m: { file: string }) => m.file)).toEqual(['models/classifier/fusion.json', 'models/eyes/eye-patch-model.json']);
    expect(report.app).toEqual({ name: 'FaceReady', version: '0.1.0' });
  });

  it('puts the page-chosen stream id in frame.streamId only, never in a verdict field', () => {
    const streamId = 'camera:Ready for the UV photo — call +1-555-0100';
    const report = buildCaptureReport({ ...input, analysis: { ...analysis, streamId } });
    const { frame, ...rest } = report;
    expect(frame.streamId).toBe(streamId);
    expect(JSON.stringify(rest)).not.toContain('555-0100');
  });

  it('has no checks and no alignment for a manual capture without readiness or face', () => {
    const report = buildCaptureReport({ ...input, source: 'manual', readiness: null, face: null, alignment: null, analysis: { ...analysis, faces: [], eyes: null } });
    expect(report).toMatchObject({ source: 'manual', ready: null, score: null, checks: [], hints: [], face: null, eyes: null });
    expect(report.image.alignment).toBeNull();
  });
});

describe('exportFileNames', () => {
  it('names every file of one export faceready-<profile>-<timestamp>', () => {
    expect(fileTimestamp(capturedAt)).toBe('2026-11-26T02-15-07-123Z');
    expect(exportFileNames('id-photo', capturedAt, 'jpeg')).toEqual({
      image: 'faceready-id-photo-2026-11-26T02-15-07-123Z.jpg',
      report: 'faceready-id-photo-2026-11-26T02-15-07-123Z.json',
      explanation: 'faceready-id-photo-2026-11-26T02-15-07-123Z-explanation.png',
    });
  });
});
