/** Default frame sampling: 5 frames a second, longest side 640 px (enough for a 224 px face crop at arm's length). */
export const DEFAULT_SAMPLING = { fps: 5, maxSide: 640 } as const;
