/**
 * What a webcam call does to a face photo, drawn at random: a head pose, a room's light and a call's
 * compression per clip (`clipLook`), jittered per frame and at times out of focus or motion-blurred
 * (`degradeFrame`), for the UV-gate clips (uv-clips.ts) and as the eye-crop model's training
 * augmentation (train-eye-patch.ts), where `project` lets the landmarks follow the warp.
 */
import sharp from 'sharp';
import { sampleBilinear, type RgbaImage } from '../../../src/image';
import type { SeededRandom } from '../../../src/random';

/** How one clip looks: a camera, a room and a head pose, fixed for the clip; each frame jitters around it. */
export interface ClipLook {
  /** Head roll, degrees. */
  rollDeg: number;
  /** Horizontal squeeze, a crude stand-in for a head turned away (yaw): 1 = frontal. */
  squeeze: number;
  /** Downscale of the photo (distance to the camera, the call's resolution). */
  scale: number;
  /** Overall gain (dim room ↔ bright), and a colour cast (white balance) per channel. */
  gain: number;
  cast: [number, number, number];
  /** Light from one side: the far side is darkened by up to this share. */
  sideLight: number;
  /** Sensor noise σ at full gain; dim frames get more. */
  noise: number;
  /** JPEG quality of the call's encoder. */
  jpegQuality: number;
}

export function clipLook(random: SeededRandom): ClipLook {
  const between = (a: number, b: number) => a + (b - a) * random.next();
  return {
    rollDeg: between(-12, 12),
    squeeze: between(0.8, 1),
    scale: between(0.35, 1),
    gain: between(0.45, 1.25),
    cast: [between(0.85, 1.15), between(0.9, 1.1), between(0.85, 1.15)],
    sideLight: random.next() < 0.5 ? between(0.1, 0.5) * (random.next() < 0.5 ? -1 : 1) : 0,
    noise: between(1, 6),
    jpegQuality: Math.round(between(25, 85)),
  };
}

export interface DegradedFrame {
  /** The frame as the call's encoder sends it. */
  jpeg: Buffer;
  /** Where a point of the photo lands in the frame, so landmarks can follow the warp (pixels, continuous as the face mesh's: pixel (0, 0) covers [0, 1)²). */
  project: (x: number, y: number) => [number, number];
}

/**
 * One frame: the photo warped (roll, squeeze, scale, a small shift, each jittered per frame as a head
 * and a hand-held camera move), lit (gain, colour cast, side light), with sensor noise, at times out of
 * focus or motion-blurred, then JPEG-compressed.
 */
export async function degradeFrame(photo: RgbaImage, look: ClipLook, random: SeededRandom): Promise<DegradedFrame> {
  const between = (a: number, b: number) => a + (b - a) * random.next();
  const roll = ((look.rollDeg + between(-2, 2)) * Math.PI) / 180;
  const scale = look.scale * between(0.95, 1.05);
  const squeeze = Math.min(1, look.squeeze * between(0.97, 1.03));
  const gain = look.gain * between(0.93, 1.07);
  const width = Math.max(48, Math.round(photo.width * scale));
  const height = Math.max(48, Math.round(photo.height * scale));
  const shift = { x: between(-0.04, 0.04) * photo.width, y: between(-0.04, 0.04) * photo.height };
  const cos = Math.cos(roll);
  const sin = Math.sin(roll);
  const noise = look.noise / Math.min(1, gain);
  const data = Buffer.alloc(width * height * 3);
  const rgb = [0, 0, 0];
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      // output pixel → photo pixel: undo scale, roll and squeeze about the centres
      const dx = (u - width / 2) / scale;
      const dy = (v - height / 2) / scale;
      const x = (cos * dx + sin * dy) / squeeze + photo.width / 2 + shift.x;
      const y = -sin * dx + cos * dy + photo.height / 2 + shift.y;
      sampleBilinear(photo, x, y, 3, rgb);
      const side = 1 - Math.abs(look.sideLight) * (look.sideLight > 0 ? u / width : 1 - u / width);
      for (let c = 0; c < 3; c++) data[(v * width + u) * 3 + c] = Math.max(0, Math.min(255, Math.round(rgb[c] * gain * look.cast[c] * side + noise * random.normal())));
    }
  }
  let pipeline = sharp(data, { raw: { width, height, channels: 3 } });
  const blur = random.next();
  if (blur < 0.35) pipeline = pipeline.blur(between(0.3, 1.5));
  else if (blur < 0.5) {
    // horizontal motion blur over 3–7 px (sharp's kernels are at least 3×3: the middle row only)
    const length = 2 * Math.floor(between(1, 4)) + 1;
    const kernel = Array.from({ length: 3 * length }, (_, k) => (Math.floor(k / length) === 1 ? 1 / length : 0));
    pipeline = pipeline.convolve({ width: length, height: 3, kernel });
  }
  const jpeg = await pipeline.jpeg({ quality: Math.round(Math.min(95, Math.max(15, look.jpegQuality + between(-5, 5)))) }).toBuffer();
  // photo → frame: the inverse of the mapping above, which works in pixel-index space (centres at integers)
  const project = (x: number, y: number): [number, number] => {
    const a = (x - 0.5 - photo.width / 2 - shift.x) * squeeze;
    const b = y - 0.5 - photo.height / 2 - shift.y;
    return [(cos * a - sin * b) * scale + width / 2 + 0.5, (sin * a + cos * b) * scale + height / 2 + 0.5];
  };
  return { jpeg, project };
}
