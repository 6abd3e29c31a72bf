/** Min-max scaling to [0, 1] as pytorch-grad-cam's scale_cam_image does: (x − min) / (1e-7 + max′). */
export function normalizeMap(values: Float32Array): Float32Array {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  let max = -Infinity;
  for (const v of values) if (v - min > max) max = v - min;
  return values.map((v) => (v - min) / (1e-7 + max));
}
