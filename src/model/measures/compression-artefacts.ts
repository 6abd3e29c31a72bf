/**
 * Compression artefacts: JPEG / video-codec blocking, measured on the frame's own pixels (the 8 × 8
 * grid is lost once the face is resampled). Raw = how much larger the luma steps across the 8-pixel
 * grid lines are than the steps inside the blocks, over the face box: (mean step on the grid) / (mean
 * step elsewhere) − 1, at least 0 (0 = no blocking; heavy JPEG ≈ 0.5 and more). The blockiness idea is
 * Wang, Sheikh & Bovik's no-reference JPEG measure (ICIP 2002). OFIQ (ISO/IEC 29794-5 §7.3.10) uses a
 * CNN trained to predict SSIM against the uncompressed image; there is none here.
 */
import type { RgbaImage } from '../../image';
import type { MeasureValue } from '../../protocol/quality-measures';
import type { Box } from '../face/types';
import { sigmoidScore } from './ofiq-mapping';

const BLOCK = 8;
/**
 * Score 50 at raw 0.6: the dataset's photos (JPEG quality 90) have a median of 0.21, a WebRTC-like
 * frame (half resolution, JPEG 25) 0.92 (npm run measure-bands, docs/measures.md).
 */
export const COMPRESSION_MAPPING = { h: 100, a: 1, s: -1, x0: 0.6, w: 0.1 };

export function compressionArtefacts(image: RgbaImage, box: Box): MeasureValue | undefined {
  const x0 = Math.max(1, Math.floor(box.x));
  const y0 = Math.max(1, Math.floor(box.y));
  const x1 = Math.min(image.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(image.height, Math.ceil(box.y + box.height));
  if (x1 - x0 < 2 * BLOCK || y1 - y0 < 2 * BLOCK) return undefined;
  const { data, width } = image;
  const luma = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    return 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
  };
  let onGrid = 0;
  let onGridN = 0;
  let inside = 0;
  let insideN = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const here = luma(x, y);
      const h = Math.abs(here - luma(x - 1, y));
      const v = Math.abs(here - luma(x, y - 1));
      if (x % BLOCK === 0) (onGrid += h), onGridN++;
      else (inside += h), insideN++;
      if (y % BLOCK === 0) (onGrid += v), onGridN++;
      else (inside += v), insideN++;
    }
  }
  const within = inside / insideN;
  const raw = within > 0 ? Math.max(0, onGrid / onGridN / within - 1) : 0;
  return { raw, score: sigmoidScore(raw, COMPRESSION_MAPPING) };
}
