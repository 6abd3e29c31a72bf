import { describe, expect, it } from 'vitest';
import { faceLuminance } from '../../../src/model/measures/face-luminance';
import { DEFAULT_LIGHT_BAND, DEFAULT_SIZE_BAND, lightHint, sizeHint } from '../../../src/workflow/frame-hints';
import { solidImage } from '../helpers/images';


describe('faceLuminance', () => {
  it('is the Rec. 601 luma of the pixels inside the box', () => {
    const image = solidImage(10, 10, [200, 100, 50]);
    expect(faceLuminance(image, { x: 2, y: 2, width: 4, height: 4 })).toBeCloseTo(0.299 * 200 + 0.587 * 100 + 0.114 * 50, 6);
  });
  it('only counts the part of the box inside the image', () => {
    const image = solidImage(4, 4, [0, 0, 0]);
    image.data.set([255, 255, 255, 255], 0); // top-left pixel white
    expect(faceLuminance(image, { x: -10, y: -10, width: 11, height: 11 })).toBeCloseTo(255, 6);
    expect(faceLuminance(image, { x: 10, y: 10, width: 5, height: 5 })).toBeNull();
  });
});

describe('size and light hints', () => {
  it('asks to move closer or back around the configured band', () => {
    expect(sizeHint(50, 480)).toBe('move-closer');
    expect(sizeHint(200, 480)).toBe('ok');
    expect(sizeHint(460, 480)).toBe('move-back');
    expect(sizeHint(DEFAULT_SIZE_BAND.minFaceHeightRatio * 480, 480)).toBe('ok');
  });
  it('asks for more or less light around the configured band', () => {
    expect(lightHint(30)).toBe('more-light');
    expect(lightHint(128)).toBe('ok');
    expect(lightHint(240)).toBe('less-light');
    expect(lightHint(100, { ...DEFAULT_LIGHT_BAND, minLuminance: 120 })).toBe('more-light');
  });
});
