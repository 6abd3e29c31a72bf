/** The overlay's store: the reduced live state, the "Explain" state and page-side timings, as Preact signals. */
import { computed, signal } from '@preact/signals';
import type { Locale } from '../i18n/translate';
import type { ExplainMethod, LimeMode } from '../xai/explain-set';
import { IDLE_EXPLAIN, reduceExplain, type ExplainEvent } from './explain-state';
import { INITIAL_OVERLAY_STATE, reduceOverlay, verdict, type OverlayEvent } from './overlay-state';

export interface EncodeTiming {
  blockMs: number;
  encodeMs: number;
  bytes: number;
}

export function createOverlayStore(initialMethod: ExplainMethod, locale: Locale = 'en') {
  const state = signal(INITIAL_OVERLAY_STATE);
  const explain = signal(IDLE_EXPLAIN);
  const explainMethod = signal(initialMethod);
  /** Fast LIME unless the user ticks "reference" for this page; not remembered, so every visit starts fast. */
  const limeMode = signal<LimeMode>('fast');
  const encodeTiming = signal<EncodeTiming | null>(null);
  /** Hidden by the show/hide shortcut. */
  const panelHidden = signal(false);
  return {
    panelHidden,
    state,
    explain,
    explainMethod,
    limeMode,
    encodeTiming,
    verdict: computed(() => verdict(state.value, locale)),
    dispatch(event: OverlayEvent) {
      state.value = reduceOverlay(state.value, event);
    },
    dispatchExplain(event: ExplainEvent) {
      explain.value = reduceExplain(explain.value, event);
    },
    recordEncode(timing: EncodeTiming) {
      encodeTiming.value = timing;
    },
  };
}

export type OverlayStore = ReturnType<typeof createOverlayStore>;
