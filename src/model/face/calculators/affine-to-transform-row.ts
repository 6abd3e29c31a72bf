import type { Affine } from './types';

/**
 * The 8-number row tf.image.transform wants for sampling through `m`. That op works on pixel indices
 * (pixel i's centre at i) while our maps work on continuous coordinates (centre at i + ½), so:
 * index_in = m(index_out + ½) − ½.
 */
export function affineToTransformRow(m: Affine): [number, number, number, number, number, number, number, number] {
  const [a, b, c, d, e, f] = m;
  return [a, b, (a + b) / 2 + c - 0.5, d, e, (d + e) / 2 + f - 0.5, 0, 0];
}
