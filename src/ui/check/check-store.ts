/**
 * The check page's store (the reduced check state, the "Explain" state, as Preact signals) and the
 * one flow every image goes through: read → validate/decode → analyse → verdict, or a problem.
 */
import { signal } from '@preact/signals';
import type { StillEngine } from '../../extension/still-engine';
import type { PageImage } from '../../still-image/check-page-url';
import { readPageImage, readStillFile, StillImageError, type DecodedStill } from '../../still-image/read-still';
import type { ExplainMethod } from '../../xai/explain-set';
import { IDLE_EXPLAIN, reduceExplain, type ExplainEvent } from '../explain-state';
import { INITIAL_CHECK_STATE, reduceCheck, type CheckEvent, type StillSource } from './check-state';

export function createCheckStore(initialMethod: ExplainMethod) {
  const state = signal(INITIAL_CHECK_STATE);
  const explain = signal(IDLE_EXPLAIN);
  const explainMethod = signal(initialMethod);
  /** What the page shows of the image being checked (an object URL or the page image's URL). */
  const preview = signal<string | null>(null);
  return {
    state,
    explain,
    explainMethod,
    preview,
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
}

export function createStillChecker(store: CheckStore, engine: StillEngine): StillChecker {
  let checkId = 0;
  let objectUrl: string | null = null;

  function showPreview(url: string, owned: boolean) {
    if (objectUrl) URL.revokeObjectURL(objectUrl);
    objectUrl = owned ? url : null;
    store.preview.value = url;
  }

  async function run(source: StillSource, read: () => Promise<DecodedStill>) {
    const id = ++checkId;
    store.dispatchExplain({ type: 'explain-closed' });
    store.dispatch({ type: 'reading', checkId: id, source });
    try {
      const still = await read();
      if (id !== checkId) return still.bitmap.close();
      store.dispatch({ type: 'decoded', checkId: id, size: { width: still.bitmap.width, height: still.bitmap.height }, original: still.original });
      const analysis = await engine.analyze(still.bitmap);
      store.dispatch({ type: 'analysis', checkId: id, analysis });
    } catch (error) {
      const problem = error instanceof StillImageError ? error.problem : { kind: 'engine-error' as const, error: error instanceof Error ? error.message : String(error) };
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
  };
}
