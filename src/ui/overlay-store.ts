/** The overlay's store: the reduced state plus the page-side frame timings, as Preact signals. */
import { computed, signal } from '@preact/signals';
import { INITIAL_OVERLAY_STATE, reduceOverlay, verdict, type OverlayEvent } from './overlay-state';

export interface EncodeTiming {
  blockMs: number;
  encodeMs: number;
  bytes: number;
}

export function createOverlayStore() {
  const state = signal(INITIAL_OVERLAY_STATE);
  const encodeTiming = signal<EncodeTiming | null>(null);
  return {
    state,
    encodeTiming,
    verdict: computed(() => verdict(state.value)),
    dispatch(event: OverlayEvent) {
      state.value = reduceOverlay(state.value, event);
    },
    recordEncode(timing: EncodeTiming) {
      encodeTiming.value = timing;
    },
  };
}

export type OverlayStore = ReturnType<typeof createOverlayStore>;
