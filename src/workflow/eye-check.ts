import type { EyeState } from '../model/eyes/fuse-eye-state';

export type WantedEyes = 'open' | 'closed';

/**
 * Whether the eyes are as the profile wants. `state` is the smoothed eye state for live video (a blink
 * is not closure) or the frame's own for a still image; 'uncertain' cannot be judged (null).
 */
export function eyesAsWanted(state: EyeState, wanted: WantedEyes): boolean | null {
  return state === 'uncertain' ? null : state === wanted;
}

export const EYE_HINTS = { open: 'open-eyes', closed: 'close-eyes' } as const satisfies Record<WantedEyes, string>;
