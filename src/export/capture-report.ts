/**
 * The JSON report saved next to an exported face image: what was checked, against what, with which
 * models, and when. Plain data built from the analysis and readiness of the exported frame, so the
 * record can be audited later without the app.
 */
import type { EyeSummary, FaceSummary, FrameAnalysis, FusedVerdict, QualitySummary } from '../protocol/messages';
import type { QualityMeasures } from '../protocol/quality-measures';
import type { CheckResult, HintId, ProfileId, Readiness } from '../workflow/types';
import type { AlignedFace, AlignmentConfig } from './align-face';
import { IMAGE_MIME_TYPES, type ExportImageFormat } from './export-file-names';

export const CAPTURE_REPORT_FORMAT = 'faceready-capture-report';
/** 2: the fused verdict, the quality measures, and each check's score (issue 13). */
export const CAPTURE_REPORT_VERSION = 2;

export interface ModelVersions {
  classifier: { version: string; backbone: string; inputSize: number; uncertaintyThreshold: number };
  /** Face detector, mesh, iris and eye cascade: where each comes from and its weights' sha256. */
  faceModels: { name: string; package: string; sha256: string }[];
}

export type ReportedAlignment = Pick<AlignedFace, 'eyes' | 'scale' | 'rotationDeg' | 'coverage'> & { target: Pick<AlignmentConfig, 'size' | 'eyeDistance' | 'eyeLineY'> };

export interface CaptureReportInput {
  profile: ProfileId;
  /** `best-frame`: kept automatically from a ready window; `manual`: the Capture button; `still-image`: the check page's image. */
  source: 'best-frame' | 'manual' | 'still-image';
  analysis: FrameAnalysis;
  /** Null when no readiness was computed for the frame (the report then has no checks). */
  readiness: Readiness | null;
  /** When the frame was grabbed and when the user exported it, ms since the epoch. */
  capturedAtEpochMs: number;
  exportedAtEpochMs: number;
  image: { fileName: string; format: ExportImageFormat; width: number; height: number };
  /** The face the crop is of (the largest); null when the frame had none. */
  face: FaceSummary | null;
  /** The crop geometry and its target (the alignment constants); null when the frame had no face and was exported whole. */
  alignment: ReportedAlignment | null;
  explanation: { fileName: string; predicted: { name: string; probability: number } } | null;
  models: ModelVersions;
  app: { name: string; version: string };
}

export interface CaptureReport {
  format: typeof CAPTURE_REPORT_FORMAT;
  formatVersion: typeof CAPTURE_REPORT_VERSION;
  profile: ProfileId;
  source: CaptureReportInput['source'];
  ready: boolean | null;
  score: number | null;
  hints: HintId[];
  checks: CheckResult[];
  /** The verdict FaceReady showed (classifier and measures together) and the classifier's own. */
  verdict: FusedVerdict;
  quality: QualitySummary;
  /** Every quality measure of the largest face (raw value and 0–100 score); null when the frame carried none. */
  measures: QualityMeasures | null;
  eyes: EyeSummary | null;
  face: (Pick<FaceSummary, 'box' | 'detectorScore' | 'meshScore' | 'luminance'> & { count: number }) | null;
  timestamps: { capturedAt: string; exportedAt: string };
  frame: { frameId: number; streamId: string; width: number; height: number; backend: string };
  image: CaptureReportInput['image'] & { mimeType: string; alignment: ReportedAlignment | null };
  explanation: CaptureReportInput['explanation'];
  models: ModelVersions;
  app: CaptureReportInput['app'];
}

export function buildCaptureReport(input: CaptureReportInput): CaptureReport {
  const { analysis, readiness, face } = input;
  return {
    format: CAPTURE_REPORT_FORMAT,
    formatVersion: CAPTURE_REPORT_VERSION,
    profile: input.profile,
    source: input.source,
    ready: readiness?.ready ?? null,
    score: readiness?.score ?? null,
    hints: readiness ? [...readiness.hints] : [],
    checks: readiness ? readiness.checks.map((c) => ({ id: c.id, passed: c.passed, value: c.value, score: c.score, threshold: c.threshold, hint: c.hint })) : [],
    verdict: analysis.verdict,
    quality: analysis.quality,
    measures: analysis.measures,
    eyes: analysis.eyes,
    face: face && { box: face.box, detectorScore: face.detectorScore, meshScore: face.meshScore, luminance: face.luminance, count: analysis.faces.length },
    timestamps: { capturedAt: new Date(input.capturedAtEpochMs).toISOString(), exportedAt: new Date(input.exportedAtEpochMs).toISOString() },
    frame: { frameId: analysis.frameId, streamId: analysis.streamId, width: analysis.width, height: analysis.height, backend: analysis.backend },
    image: { ...input.image, mimeType: IMAGE_MIME_TYPES[input.image.format], alignment: input.alignment },
    explanation: input.explanation,
    models: input.models,
    app: input.app,
  };
}
