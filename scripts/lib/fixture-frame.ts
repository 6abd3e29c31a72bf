/** The frame a camera fixture shows (test/fixtures/fixtures.ts): its source cropped, letterboxed into 640×480 and blurred as specified. */
import sharp from 'sharp';
import type { RgbaImage } from '../../src/image';
import { FIXTURE_VIDEO_SIZE, type FixtureSpec } from '../../test/fixtures/fixtures';

export async function fixtureFrame(fixture: FixtureSpec): Promise<RgbaImage> {
  let image = sharp(fixture.source);
  if (fixture.crop) image = image.extract(fixture.crop);
  // Blur after letterboxing, so sigma is in frame pixels whatever the source size.
  const letterboxed = await image
    .resize(FIXTURE_VIDEO_SIZE.width, FIXTURE_VIDEO_SIZE.height, { fit: 'contain', background: { r: 64, g: 64, b: 64 } })
    .png()
    .toBuffer();
  let frame = sharp(letterboxed);
  if (fixture.blurSigma) frame = frame.blur(fixture.blurSigma);
  const { data, info } = await frame.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}
