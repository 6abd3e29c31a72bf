import { effect } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCaptureController, type CaptureInput, type SaveExport } from '../../../src/capture/capture-controller';
import { shippedModelVersions } from '../../../src/export/shipped-model-versions';
import type { FrameAnalysis } from '../../../src/protocol/messages';
import type { Readiness } from '../../../src/workflow/types';

/** Stand-ins for ImageBitmap: close() zeroes the size, as the browser does; a second close is counted as a bug. */
function fakeBitmaps() {
  const open = new Set<number>();
  const doubleClosed: number[] = [];
  const make = (id: number) => {
    open.add(id);
    const bitmap = {
      id,
      width: 64,
      height: 48,
      close() {
        if (!open.delete(id)) doubleClosed.push(id);
        bitmap.width = bitmap.height = 0;
      },
    };
    return bitmap as unknown as ImageBitmap;
  };
  return { make, open, doubleClosed };
}

const analysis = (frameId: number, streamId = 's1'): FrameAnalysis => ({
  frameId,
  streamId,
  width: 64,
  height: 48,
  capturedAt: 1000 + frameId,
  backend: 'cpu',
  faces: [],
  quality: { label: 'good', confidence: 0.9, uncertain: false, probabilities: { blur: 0, eyeglasses: 0, good: 0.9, covered: 0.05, wrong: 0.05 } },
  measures: null, verdict: { label: 'good', uncertain: false, evidence: ['classifier'] },
  eyes: null,
  timings: { transportMs: 0, decodeMs: 0, detectorMs: 0, meshMs: 0, irisMs: 0, classifierMs: 0, eyesMs: 0, measuresMs: 0, totalMs: 0 },
});
const readiness = (ready: boolean, score: number): Readiness => ({ profile: 'consult', ready, checks: [], hints: [], score });

/** Reads a fake bitmap's "pixels": every byte is the bitmap's id, so a test can tell which frame was read. */
class FakeOffscreenCanvas {
  getContext() {
    let drawn: { id: number } | null = null;
    return {
      drawImage: (bitmap: { id: number }) => (drawn = bitmap),
      getImageData: (_x: number, _y: number, width: number, height: number) => ({ width, height, data: new Uint8ClampedArray(width * height * 4).fill(drawn?.id ?? 0) }),
    };
  }
}

function setup(saveExport: SaveExport = async () => []) {
  const bitmaps = fakeBitmaps();
  const controller = createCaptureController({ saveExport, models: shippedModelVersions(), app: { name: 'FaceReady', version: 't' }, timeOrigin: 1_000_000, now: () => 0 });
  /** The relay sends frame `id`, then its analysis arrives. */
  const frame = (id: number, ready: boolean, score: number, extra: Partial<CaptureInput> = {}) => {
    controller.retention.keep(id, bitmaps.make(id));
    controller.observe({ analysis: analysis(id), readiness: readiness(ready, score), profile: 'consult', shownReady: ready, ...extra });
  };
  return { controller, bitmaps, frame };
}

describe('createCaptureController', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the best frame of the ready window and closes every bitmap it lets go', () => {
    const { controller, bitmaps, frame } = setup();
    frame(1, false, 0.2);
    frame(2, true, 0.7);
    frame(3, true, 0.9);
    frame(4, true, 0.8);
    frame(5, false, 0.1);
    expect(controller.best.value?.analysis.frameId).toBe(3);
    expect(controller.best.value?.capturedAtEpochMs).toBe(1_000_000 + 1003);
    // Held: the best (3) and the latest analysed frame (5).
    expect([...bitmaps.open].sort()).toEqual([3, 5]);
    expect(bitmaps.doubleClosed).toEqual([]);
  });

  it('Capture keeps the latest analysed frame; the best of a new stream replaces the old', () => {
    const { controller, bitmaps, frame } = setup();
    expect(controller.canCapture.value).toBe(false);
    expect(controller.capture()).toBe(false);
    frame(1, true, 0.9);
    frame(2, false, 0.1);
    expect(controller.canCapture.value).toBe(true);
    expect(controller.capture()).toBe(true);
    expect(controller.manual.value).toMatchObject({ source: 'manual', analysis: { frameId: 2 } });
    frame(3, false, 0.1);
    expect([...bitmaps.open].sort()).toEqual([1, 2, 3]);
    controller.retention.keep(4, bitmaps.make(4));
    controller.observe({ analysis: analysis(4, 's2'), readiness: readiness(false, 0), profile: 'consult', shownReady: false });
    expect(controller.best.value).toBeNull();
    expect([...bitmaps.open].sort()).toEqual([2, 4]);
    controller.dispose();
    expect(bitmaps.open.size).toBe(0);
    expect(bitmaps.doubleClosed).toEqual([]);
  });

  it('can be driven from an effect on the overlay state without re-running itself', () => {
    const { controller, bitmaps } = setup();
    let runs = 0;
    controller.retention.keep(1, bitmaps.make(1));
    const stop = effect(() => {
      runs++;
      controller.observe({ analysis: analysis(1), readiness: readiness(true, 0.5), profile: 'consult', shownReady: true });
    });
    expect(runs).toBe(1);
    expect(controller.best.value?.analysis.frameId).toBe(1);
    stop();
  });

  it('saves a held frame through the saveExport it was given: its pixels, report fields and the explanation panel', async () => {
    vi.stubGlobal('OffscreenCanvas', FakeOffscreenCanvas);
    const calls: Parameters<SaveExport>[] = [];
    const { controller, frame } = setup(async (...call) => {
      calls.push(call);
      return ['saved.jpg', 'saved.json'];
    });
    frame(1, true, 0.9);
    frame(2, false, 0.1);
    controller.capture();
    const panel = { width: 2, height: 1, data: new Uint8ClampedArray(8) };
    const names = await controller.save(controller.manual.value!, { format: 'jpeg', explanation: { panel, predicted: { name: 'good', probability: 0.9 } } });

    expect(names).toEqual(['saved.jpg', 'saved.json']);
    expect(calls).toHaveLength(1);
    const [request, savedPanel] = calls[0];
    expect(savedPanel).toBe(panel);
    expect(request.frame.width).toBe(64);
    expect(new Set(request.frame.data)).toEqual(new Set([2])); // the manual capture's bitmap, frame 2
    expect(request).toMatchObject({
      analysis: { frameId: 2 },
      readiness: { ready: false, score: 0.1 },
      profile: 'consult',
      source: 'manual',
      capturedAtEpochMs: 1_000_000 + 1002,
      exportedAtEpochMs: 0,
      format: 'jpeg',
      explanation: { predicted: { name: 'good', probability: 0.9 } },
      models: shippedModelVersions(),
      app: { name: 'FaceReady', version: 't' },
    });

    await controller.save(controller.best.value!, { format: 'png', explanation: null });
    expect(calls[1][1]).toBeNull();
    expect(calls[1][0]).toMatchObject({ source: 'best-frame', analysis: { frameId: 1 }, format: 'png', explanation: null });
  });
});
