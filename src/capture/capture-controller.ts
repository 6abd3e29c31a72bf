/**
 * The page side of capture and export (ISOLATED world). It owns the pixels of sent frames (a
 * FrameRetention the relay fills), follows the overlay state to keep the best frame of each ready
 * window and the latest analysed frame, keeps a manual capture on request, and saves an export on
 * the user's action. Every ImageBitmap it holds is closed once nothing refers to it.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { INITIAL_BEST_FRAME_STATE, stepBestFrame, type BestFrameState } from '../export/best-frame';
import type { CaptureReportInput, ModelVersions } from '../export/capture-report';
import type { ExportImageFormat } from '../export/export-file-names';
import type { ExportRequest } from '../export/prepare-export';
import type { RgbaImage } from '../image';
import type { FrameAnalysis } from '../protocol/messages';
import type { ProfileId, Readiness } from '../workflow/types';
import { bitmapPixels } from './bitmap-pixels';
import { createFrameRetention, type FrameRetention } from './frame-retention';

/** A frame whose pixels are held, with what was found in it. */
export interface HeldFrame {
  source: CaptureReportInput['source'];
  analysis: FrameAnalysis;
  readiness: Readiness | null;
  profile: ProfileId;
  bitmap: ImageBitmap;
  capturedAtEpochMs: number;
}

/** What the controller follows in the overlay state. */
export interface CaptureInput {
  analysis: FrameAnalysis | null;
  readiness: Readiness | null;
  profile: ProfileId;
  /** The smoothed verdict the user sees: the profile is satisfied. */
  shownReady: boolean;
}

export interface ExportOptions {
  format: ExportImageFormat;
  /** The open explanation's panel image, saved with the capture. */
  explanation: { panel: RgbaImage; predicted: { name: string; probability: number } } | null;
}

export interface CaptureController {
  /** Filled by the frame relay with the pixels of every frame it sends. */
  readonly retention: FrameRetention<ImageBitmap>;
  /** The best frame of the current (or last) ready window. */
  readonly best: ReadonlySignal<HeldFrame | null>;
  /** The frame kept by the last "Capture". */
  readonly manual: ReadonlySignal<HeldFrame | null>;
  /** Whether a frame can be captured now (one has been analysed). */
  readonly canCapture: ReadonlySignal<boolean>;
  observe(input: CaptureInput): void;
  /** Keeps the latest analysed frame as the manual capture; false when there is none. */
  capture(): boolean;
  /** Saves the aligned crop, its JSON report and, if given, the explanation image. Returns the file names. */
  save(frame: HeldFrame, options: ExportOptions): Promise<string[]>;
  dispose(): void;
}

/** Writes an export out (in the extension: downloads its files); returns the saved file names. */
export type SaveExport = (request: ExportRequest, explanationPanel: RgbaImage | null) => Promise<string[]>;

export interface CaptureControllerOptions {
  /** Given by the caller, so capture does not depend on the browser glue that saves files. */
  saveExport: SaveExport;
  models: ModelVersions;
  app: CaptureReportInput['app'];
  /** Page clock → epoch: capturedAt in analyses is the page's performance.now(). */
  timeOrigin: number;
  now(): number;
}

export function createCaptureController(options: CaptureControllerOptions): CaptureController {
  const retention = createFrameRetention<ImageBitmap>((bitmap) => bitmap.close());
  const best = signal<HeldFrame | null>(null);
  const manual = signal<HeldFrame | null>(null);
  const latest = signal<HeldFrame | null>(null);
  let selection: BestFrameState<HeldFrame> = INITIAL_BEST_FRAME_STATE;
  let lastAnalysis: FrameAnalysis | null = null;

  // Reads use peek(): observe() runs inside the overlay's effect, which must not subscribe to these signals.
  const held = (bitmap: ImageBitmap) => [latest.peek(), best.peek(), manual.peek()].some((frame) => frame?.bitmap === bitmap);
  const releaseIfFree = (frame: HeldFrame | null) => {
    if (frame && !held(frame.bitmap)) frame.bitmap.close();
  };

  return {
    retention,
    best,
    manual,
    canCapture: computed(() => latest.value !== null),
    observe({ analysis, readiness, profile, shownReady }) {
      if (!analysis || analysis === lastAnalysis) return;
      lastAnalysis = analysis;
      const bitmap = retention.take(analysis.frameId);
      if (!bitmap) return;
      const previous = latest.peek();
      const frame: HeldFrame = { source: 'best-frame', analysis, readiness, profile, bitmap, capturedAtEpochMs: options.timeOrigin + analysis.capturedAt };
      latest.value = frame;
      releaseIfFree(previous);
      const step = stepBestFrame(
        selection,
        { frameId: analysis.frameId, inWindow: shownReady, ready: readiness?.ready ?? false, score: readiness?.score ?? 0, context: `${analysis.streamId}|${profile}` },
        () => frame,
      );
      selection = step.state;
      best.value = step.state.best?.frame ?? null;
      releaseIfFree(step.released);
    },
    capture() {
      const frame = latest.peek();
      if (!frame) return false;
      const previous = manual.peek();
      manual.value = { ...frame, source: 'manual' };
      releaseIfFree(previous);
      return true;
    },
    save(frame, { format, explanation }) {
      return options.saveExport(
        {
          frame: bitmapPixels(frame.bitmap),
          analysis: frame.analysis,
          readiness: frame.readiness,
          profile: frame.profile,
          source: frame.source,
          capturedAtEpochMs: frame.capturedAtEpochMs,
          exportedAtEpochMs: options.now(),
          format,
          explanation: explanation && { predicted: explanation.predicted },
          models: options.models,
          app: options.app,
        },
        explanation?.panel ?? null,
      );
    },
    dispose() {
      retention.clear();
      const frames = [latest.peek(), best.peek(), manual.peek()];
      latest.value = best.value = manual.value = null;
      selection = INITIAL_BEST_FRAME_STATE;
      for (const frame of new Set(frames.map((f) => f?.bitmap))) frame?.close();
    },
  };
}
