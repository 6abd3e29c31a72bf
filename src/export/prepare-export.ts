/**
 * One export, computed: the face-aligned crop of a frame (or the whole frame when it shows no face),
 * its JSON report and the file names. Pure; the browser glue only decodes, encodes and downloads.
 */
import type { RgbaImage } from '../image';
import { largestFace } from '../model/measures/largest-face';
import type { FrameAnalysis } from '../protocol/messages';
import type { ProfileId, Readiness } from '../workflow/types';
import { DEFAULT_ALIGNMENT_CONFIG, alignFace, eyeCentres, type AlignmentConfig, type EyeCentres } from './align-face';
import { buildCaptureReport, type CaptureReport, type CaptureReportInput, type ModelVersions } from './capture-report';
import { exportFileNames, type ExportImageFormat } from './export-file-names';

export interface ExportRequest {
  /** The frame's full pixels (what was sent to the engine, before JPEG encoding). */
  frame: RgbaImage;
  analysis: FrameAnalysis;
  readiness: Readiness | null;
  profile: ProfileId;
  source: CaptureReportInput['source'];
  capturedAtEpochMs: number;
  exportedAtEpochMs: number;
  format: ExportImageFormat;
  /** The open explanation's predicted class, when its panel image is exported too. */
  explanation: { predicted: { name: string; probability: number } } | null;
  models: ModelVersions;
  app: CaptureReportInput['app'];
  alignment?: AlignmentConfig;
}

export interface PreparedExport {
  image: RgbaImage;
  report: CaptureReport;
  fileNames: { image: string; report: string; explanation: string | null };
}

/**
 * The eye centres of the analysis's largest face in the kept pixels' coordinates (the analysis is in
 * those of the frame the engine decoded, which may differ in size); null without a face.
 */
export function frameEyeCentres(analysis: FrameAnalysis, width: number, height: number): EyeCentres | null {
  const face = largestFace(analysis.faces);
  if (!face) return null;
  const sx = width / analysis.width;
  const sy = height / analysis.height;
  const eyes = eyeCentres(face);
  return { right: { x: eyes.right.x * sx, y: eyes.right.y * sy }, left: { x: eyes.left.x * sx, y: eyes.left.y * sy } };
}

export function prepareExport(request: ExportRequest): PreparedExport {
  const { frame, analysis } = request;
  const config = request.alignment ?? DEFAULT_ALIGNMENT_CONFIG;
  const names = exportFileNames(request.profile, request.capturedAtEpochMs, request.format);
  const face = largestFace(analysis.faces);
  const eyes = frameEyeCentres(analysis, frame.width, frame.height);
  let image = frame;
  let alignment: CaptureReportInput['alignment'] = null;
  if (eyes) {
    const aligned = alignFace(frame, eyes, config);
    image = aligned.image;
    alignment = {
      eyes: aligned.eyes,
      scale: aligned.scale,
      rotationDeg: aligned.rotationDeg,
      coverage: aligned.coverage,
      target: { size: config.size, eyeDistance: config.eyeDistance, eyeLineY: config.eyeLineY },
    };
  }
  const explanationFile = request.explanation ? names.explanation : null;
  const report = buildCaptureReport({
    profile: request.profile,
    source: request.source,
    analysis,
    readiness: request.readiness,
    capturedAtEpochMs: request.capturedAtEpochMs,
    exportedAtEpochMs: request.exportedAtEpochMs,
    image: { fileName: names.image, format: request.format, width: image.width, height: image.height },
    face,
    alignment,
    explanation: request.explanation && explanationFile ? { fileName: explanationFile, predicted: request.explanation.predicted } : null,
    models: request.models,
    app: request.app,
  });
  return { image, report, fileNames: { image: names.image, report: names.report, explanation: explanationFile } };
}
