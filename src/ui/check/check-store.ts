/**
 * The check page's store (the reduced check state, the "Explain" state, as Preact signals) and the
 * one flow every image goes through: read → validate/decode → analyse → verdict, or a problem.
 */
import { signal } from '@preact/signals';
import type { CaptureController, ExportOptions, HeldFrame } from '../../capture/capture-controller';
import type { StillEngine } from '../../extension/still-engine';
import type { PageImage } from '../../still-image/check-page-url';
import { readPageImage, readStillFile, StillImageError, type DecodedStill } from '../../still-image/read-still';
import type { ExplainMethod, LimeMode } from '../../xai/explain-set';
import { IDLE_EXPLAIN, reduceExplain, type ExplainEvent } from '../explain-state';
import { INITIAL_CHECK_STATE, reduceCheck, type CheckEvent, type StillSource } from './check-state';
import { errorText } from '../../error-text';

export function createCheckStore(initialMethod: ExplainMethod) {
  const state = signal(INITIAL_CHECK_STATE);
  const explain = signal(IDLE_EXPLAIN);
  const explainMethod = signal(initialMethod);
  /** Fast LIME unless the user ticks "reference" for this page; not remembered, so every visit starts fast. */
  const limeMode = signal<LimeMode>('fast');
  /** What the page shows of the image being checked (an object URL or the page image's URL). */
  const preview = signal<string | null>(null);
  /** The analysed still's pixels and findings, what Save exports; null until an image has been analysed. */
  const held = signal<HeldFrame | null>(null);
  return {
    state,
    explain,
    explainMethod,
    limeMode,
    preview,
    held,
    dispatch(event: CheckEvent) {
      state.value = reduceCheck(state.value, event);
    },
    dispatchExplain(event: ExplainEvent) {
      explain.value = reduceExplain(explain.value, event);
    },
  };
}

export type CheckStore = ReturnType<typeof createCheckStore>;

export interface StillChecker {
  checkFile(file: Blob, source: StillSource): Promise<void>;
  checkPageImage(image: PageImage): Promise<void>;
  /** Saves the analysed still as an aligned crop with its JSON report (and the open explanation); returns the file names. */
  save(options: ExportOptions): Promise<string[]>;
}

/** `capture` saves exports the same way the overlay's capture does. */
export function createStillChecker(store: CheckStore, engine: StillEngine, capture: Pick<CaptureController, 'save'>): StillChecker {
  let checkId = 0;
  let objectUrl: string | null = null;

  function hold(frame: HeldFrame | null) {
    store.held.peek()?.bitmap.close();
    store.held.value = frame;
  }

  function showPreview(url: string, owned: boolean) {
    if (objectUrl) URL.revokeObjectURL(objectUrl);
    objectUrl = owned ? url : null;
    store.preview.value = url;
  }

  async function run(source: StillSource, read: () => Promise<DecodedStill>) {
    const id = ++checkId;
    hold(null);
    store.dispatchExplain({ type: 'explain-closed' });
    store.dispatch({ type: 'reading', checkId: id, source });
    let bitmap: ImageBitmap | null = null;
    try {
      const still = await read();
      bitmap = still.bitmap;
      if (id !== checkId) return bitmap.close();
      store.dispatch({ type: 'decoded', checkId: id, size: { width: bitmap.width, height: bitmap.height }, original: still.original });
      const analysis = await engine.analyze(bitmap);
      if (id !== checkId) return bitmap.close();
      store.dispatch({ type: 'analysis', checkId: id, analysis });
      const { still: checked } = store.state.peek();
      if (checked.status === 'done') hold({ source: 'still-image', analysis, readiness: checked.readiness, profile: 'id-photo', bitmap, capturedAtEpochMs: analysis.capturedAt });
    } catch (error) {
      bitmap?.close();
      const problem = error instanceof StillImageError ? error.problem : { kind: 'engine-error' as const, error: errorText(error) };
      store.dispatch({ type: 'problem', checkId: id, problem });
    }
  }

  return {
    checkFile(file, source) {
      showPreview(URL.createObjectURL(file), true);
      return run(source, () => readStillFile(file));
    },
    checkPageImage(image) {
      showPreview(image.src, false);
      return run({ kind: 'url', url: image.src }, () => readPageImage(image));
    },
    save(options) {
      const frame = store.held.peek();
      if (!frame) return Promise.reject(new Error('no analysed image to save'));
      return capture.save(frame, options);
    },
  };
}
