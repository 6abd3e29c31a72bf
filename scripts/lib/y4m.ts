/**
 * Writes YUV4MPEG2 (.y4m) video, the format Chromium's --use-file-for-fake-video-capture reads:
 * 4:2:0 planar, BT.601 limited range (what the capture pipeline assumes for I420).
 */
import type { RgbaImage } from '../../src/image';

const clampByte = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

export function rgbToYuv601(r: number, g: number, b: number): [y: number, u: number, v: number] {
  return [
    16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255,
    128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255,
    128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255,
  ];
}

/** One I420 frame: full-resolution Y, then U and V averaged over each 2×2 block. */
export function rgbaToI420(image: RgbaImage): Uint8Array {
  const { width, height, data } = image;
  if (width % 2 || height % 2) throw new RangeError(`4:2:0 video needs even dimensions, got ${width}×${height}`);
  const cw = width / 2;
  const out = new Uint8Array(width * height * 1.5);
  const uOffset = width * height;
  const vOffset = uOffset + cw * (height / 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      out[y * width + x] = clampByte(rgbToYuv601(data[i], data[i + 1], data[i + 2])[0]);
    }
  }
  for (let cy = 0; cy < height / 2; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let u = 0;
      let v = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        const i = ((2 * cy + dy) * width + 2 * cx + dx) * 4;
        const [, pu, pv] = rgbToYuv601(data[i], data[i + 1], data[i + 2]);
        u += pu;
        v += pv;
      }
      out[uOffset + cy * cw + cx] = clampByte(u / 4);
      out[vOffset + cy * cw + cx] = clampByte(v / 4);
    }
  }
  return out;
}

export function encodeY4m(frames: readonly RgbaImage[], fps: number): Uint8Array {
  if (frames.length === 0) throw new RangeError('A video needs at least one frame');
  const { width, height } = frames[0];
  const parts: Uint8Array[] = [new TextEncoder().encode(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const frame of frames) {
    if (frame.width !== width || frame.height !== height) throw new RangeError('All frames must have the same size');
    parts.push(new TextEncoder().encode('FRAME\n'), rgbaToI420(frame));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
