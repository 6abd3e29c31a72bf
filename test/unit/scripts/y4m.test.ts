import { describe, expect, it } from 'vitest';
import { encodeY4m, rgbaToI420 } from '../../../scripts/lib/y4m';
import { solidImage } from '../helpers/images';


describe('y4m writer', () => {
  it('encodes BT.601 limited-range reference colours', () => {
    expect([...rgbaToI420(solidImage(2, 2, [255, 255, 255]))]).toEqual([235, 235, 235, 235, 128, 128]);
    expect([...rgbaToI420(solidImage(2, 2, [0, 0, 0]))]).toEqual([16, 16, 16, 16, 128, 128]);
    expect([...rgbaToI420(solidImage(2, 2, [255, 0, 0]))]).toEqual([81, 81, 81, 81, 90, 240]);
  });
  it('writes the header and one FRAME per image', () => {
    const video = encodeY4m([solidImage(4, 2, [0, 0, 0]), solidImage(4, 2, [0, 0, 0])], 10);
    const header = 'YUV4MPEG2 W4 H2 F10:1 Ip A1:1 C420jpeg\n';
    expect(new TextDecoder().decode(video.subarray(0, header.length))).toBe(header);
    expect(video.length).toBe(header.length + 2 * ('FRAME\n'.length + 12));
  });
  it('refuses odd sizes and mixed frame sizes', () => {
    expect(() => rgbaToI420(solidImage(3, 2, [0, 0, 0]))).toThrow(/even dimensions/);
    expect(() => encodeY4m([solidImage(2, 2, [0, 0, 0]), solidImage(4, 2, [0, 0, 0])], 10)).toThrow(/same size/);
  });
});
