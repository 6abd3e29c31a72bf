/**
 * The export's face-aligned crop: a similarity transform puts the two eye centres level, at a fixed
 * distance apart and a fixed height, in a square output. Every exported image of a face therefore
 * has the same geometry ("uniform in quality and format"), whatever the camera, distance or head tilt.
 */
import type { RgbaImage } from '../image';
import { EAR_MESH_INDICES } from '../model/eyes/constants';
import type { FaceSummary } from '../protocol/messages';
import { similarityFromPointPairs, similarityScaleAndAngle, type Point2, type SimilarityTransform } from './similarity-transform';
import { warpSimilarity, type Rgba } from './warp-similarity';

export interface AlignmentConfig {
  /** Side of the square output, pixels. */
  size: number;
  /** Distance between the eye centres as a fraction of `size`. */
  eyeDistance: number;
  /** Height of the eye line from the top as a fraction of `size` (the eyes' midpoint is centred horizontally). */
  eyeLineY: number;
  /** Fill for output pixels outside the source frame (opaque, so PNG and JPEG look the same). */
  background: Rgba;
}

/**
 * 512 px square; eyes 0.20 × 512 = 102.4 px apart, on the line y = 0.45 × 512 = 230.4 px. An adult's
 * eye line lies about 1.8–1.9 eye distances below the top of the head and above the chin, so this
 * keeps the whole head (forehead and chin included, as UV skin imaging needs) with a margin on every
 * side. ISO/IEC 19794-5's token image uses 0.25 of the width on a 3:4 portrait; on a square that
 * would cut the chin.
 */
export const DEFAULT_ALIGNMENT_CONFIG: AlignmentConfig = { size: 512, eyeDistance: 0.2, eyeLineY: 0.45, background: [0, 0, 0, 255] };

export interface EyeCentres {
  /** The subject's right eye (on the left of an unmirrored image), pixels. */
  right: Point2;
  left: Point2;
}

/**
 * Each eye's centre as the midpoint of its two corners in the mesh. Corners rather than the iris
 * centre: they do not move with gaze, and they stay well placed when the eyes are closed (UV profile).
 */
export function eyeCentres(face: Pick<FaceSummary, 'mesh'>): EyeCentres {
  const centre = (side: keyof typeof EAR_MESH_INDICES): Point2 => {
    const a = face.mesh[EAR_MESH_INDICES[side].p1];
    const b = face.mesh[EAR_MESH_INDICES[side].p4];
    return { x: (a[0] + b[0]) / 2, y: (a[1] + b[1]) / 2 };
  };
  return { right: centre('right'), left: centre('left') };
}

/** Where the eye centres land in the output. */
export function targetEyeCentres(config: AlignmentConfig = DEFAULT_ALIGNMENT_CONFIG): EyeCentres {
  const half = (config.eyeDistance * config.size) / 2;
  const y = config.eyeLineY * config.size;
  return { right: { x: config.size / 2 - half, y }, left: { x: config.size / 2 + half, y } };
}

export interface AlignedFace {
  image: RgbaImage;
  /** Source-frame eye centres used. */
  eyes: EyeCentres;
  /** Frame → output transform. */
  transform: SimilarityTransform;
  /** Output pixels per frame pixel. */
  scale: number;
  /** Head roll corrected, degrees (positive: the frame was turned clockwise to level the eyes). */
  rotationDeg: number;
  /** Fraction of the output that lies inside the frame (1 when the face is well inside it). */
  coverage: number;
}

/** The frame → output transform that puts these eyes on the target positions. */
export function alignmentTransform(eyes: EyeCentres, config: AlignmentConfig = DEFAULT_ALIGNMENT_CONFIG): SimilarityTransform {
  const target = targetEyeCentres(config);
  return similarityFromPointPairs([eyes.right, eyes.left], [target.right, target.left]);
}

export function alignFace(frame: RgbaImage, eyes: EyeCentres, config: AlignmentConfig = DEFAULT_ALIGNMENT_CONFIG): AlignedFace {
  const transform = alignmentTransform(eyes, config);
  const { image, coverage } = warpSimilarity(frame, transform, config.size, config.size, config.background);
  const { scale, angle } = similarityScaleAndAngle(transform);
  return { image, eyes, transform, scale, rotationDeg: (angle * 180) / Math.PI, coverage };
}
