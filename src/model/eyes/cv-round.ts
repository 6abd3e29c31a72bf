/**
 * OpenCV's cvRound: round to nearest, ties to even (what lrint / cvtsd2si do in the default FP mode).
 * Plain Math.round would send 2.5 to 3 where OpenCV gives 2.
 */
export function cvRound(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}
