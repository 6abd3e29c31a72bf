/**
 * Perceptual hash (pHash): 2-D DCT of a 32×32 greyscale image, the 8×8 lowest frequencies without
 * DC compared with their median → 64 bits. Robust to resizing, JPEG and small colour changes, so it
 * finds near-duplicates that must not straddle train/test.
 */
import { median } from '../../../src/stats';
export const PHASH_SIZE = 32;

/** cos((2x+1)kπ / 2n) for the 8 lowest frequencies k. */
const DCT_BASIS = Array.from({ length: 8 }, (_, k) => Array.from({ length: PHASH_SIZE }, (_, x) => Math.cos(((2 * x + 1) * k * Math.PI) / (2 * PHASH_SIZE))));

function popcount32(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** `grey` is PHASH_SIZE² luminance values, row-major. Returns 64 bits as a bigint. */
export function perceptualHash(grey: ArrayLike<number>): bigint {
  const n = PHASH_SIZE;
  if (grey.length !== n * n) throw new Error(`perceptualHash expects ${n * n} values, got ${grey.length}`);
  const coeffs: number[] = [];
  for (let u = 0; u < 8; u++) {
    for (let v = 0; v < 8; v++) {
      let sum = 0;
      for (let y = 0; y < n; y++) {
        const cy = DCT_BASIS[u][y];
        for (let x = 0; x < n; x++) sum += grey[y * n + x] * cy * DCT_BASIS[v][x];
      }
      coeffs.push(sum);
    }
  }
  const ac = coeffs.slice(1);
  const middle = median(ac);
  let hash = 0n;
  for (const c of ac) hash = (hash << 1n) | (c > middle ? 1n : 0n);
  return hash;
}

export function hammingDistance(a: bigint, b: bigint): number {
  const x = a ^ b;
  return popcount32(Number(x & 0xffffffffn)) + popcount32(Number((x >> 32n) & 0xffffffffn));
}
