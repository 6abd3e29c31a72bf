/** lime's default kernel: weight = sqrt(exp(−d² / width²)); lime_image uses width 0.25. */
export function exponentialKernel(distances: Float64Array, kernelWidth: number): Float64Array {
  const w2 = kernelWidth * kernelWidth;
  return distances.map((d) => Math.sqrt(Math.exp(-(d * d) / w2)));
}
