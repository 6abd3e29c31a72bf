/** Geometry shared by the face calculators. All coordinates are continuous pixels (pixel (0,0) spans [0,1)). */

export type Point2 = [x: number, y: number];

/** Axis-aligned box by its corners. */
export interface Corners {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** A BlazeFace detection: box, the 6 keypoints (see DETECTOR_KEYPOINT), and the sigmoid score. */
export interface Detection {
  box: Corners;
  keypoints: Point2[];
  score: number;
}

/** A region of interest: a rectangle of the image rotated by `angle` radians about its centre (y down, clockwise positive). */
export interface RotatedRect {
  centerX: number;
  centerY: number;
  width: number;
  height: number;
  angle: number;
}

/**
 * A 2-D affine map [a, b, c, d, e, f]: x' = a·x + b·y + c, y' = d·x + e·y + f.
 * The crop maps here take crop pixels to image pixels.
 */
export type Affine = [a: number, b: number, c: number, d: number, e: number, f: number];
