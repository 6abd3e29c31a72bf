import { cvRound } from './cv-round';
import type { GrayImage } from './rgba-to-gray';

interface AxisTaps {
  /** Source index of the first tap per destination index. */
  offset: Int32Array;
  /** Weight of the second tap in 1/256 units (OpenCV's ufixedpoint16); the first is 256 − this. */
  weight: Int32Array;
  /** Destination indices below this take the first source sample only (left/top border). */
  minOffset: number;
  /** Destination indices from this on take the last source sample only (right/bottom border). */
  maxOffset: number;
}

/** OpenCV interpolationLinear<uchar>::getCoeffs for one axis: pixel-centre mapping, 8-bit fixed-point weights. */
function axisTaps(srcSize: number, dstSize: number): AxisTaps {
  // resize() with an explicit dsize recomputes inv_scale = dst/src; the taps use scale = 1/inv_scale.
  const scale = 1 / (dstSize / srcSize);
  const offset = new Int32Array(dstSize);
  const weight = new Int32Array(dstSize);
  let minOffset = 0;
  let maxOffset = dstSize;
  for (let d = 0; d < dstSize; d++) {
    const f = scale * (d + 0.5) - 0.5;
    const i = Math.floor(f);
    if (i >= 0 && srcSize > 1) {
      if (i < srcSize - 1) {
        offset[d] = i;
        weight[d] = cvRound((f - i) * 256);
      } else {
        offset[d] = srcSize - 1;
        maxOffset = Math.min(maxOffset, d);
      }
    } else {
      minOffset = Math.max(minOffset, d + 1);
    }
  }
  return { offset, weight, minOffset, maxOffset };
}

/**
 * Bilinear resize of an 8-bit image, bit-exact with OpenCV's INTER_LINEAR_EXACT (the mode
 * CascadeClassifier uses to build its image pyramid): a horizontal pass into 8.8 fixed point, a
 * vertical pass into 16.16, then round half up.
 */
export function resizeLinearExact(src: GrayImage, dstWidth: number, dstHeight: number): GrayImage {
  const xs = axisTaps(src.width, dstWidth);
  const ys = axisTaps(src.height, dstHeight);
  const lastCol = src.width - 1;
  const horizontal = (row: number, out: Int32Array) => {
    const base = row * src.width;
    for (let d = 0; d < dstWidth; d++) {
      if (d < xs.minOffset) out[d] = src.data[base] << 8;
      else if (d >= xs.maxOffset) out[d] = src.data[base + lastCol] << 8;
      else {
        const o = base + xs.offset[d];
        const w = xs.weight[d];
        out[d] = src.data[o] * (256 - w) + src.data[o + 1] * w;
      }
    }
  };
  const top = new Int32Array(dstWidth);
  const bottom = new Int32Array(dstWidth);
  const dst = new Uint8Array(dstWidth * dstHeight);
  for (let y = 0; y < dstHeight; y++) {
    const rowOut = y * dstWidth;
    if (y < ys.minOffset || y >= ys.maxOffset) {
      horizontal(y < ys.minOffset ? 0 : src.height - 1, top);
      for (let d = 0; d < dstWidth; d++) dst[rowOut + d] = (top[d] + 128) >> 8;
      continue;
    }
    horizontal(ys.offset[y], top);
    horizontal(ys.offset[y] + 1, bottom);
    const w = ys.weight[y];
    for (let d = 0; d < dstWidth; d++) {
      dst[rowOut + d] = Math.min(255, (top[d] * (256 - w) + bottom[d] * w + 32768) >>> 16);
    }
  }
  return { width: dstWidth, height: dstHeight, data: dst };
}
