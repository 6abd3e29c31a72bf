/** Wall-clock ms with sub-ms precision, comparable across the extension's contexts (unlike performance.now()). */
export const wallClockMs = (): number => performance.timeOrigin + performance.now();
