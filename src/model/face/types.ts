/**
 * A point in image pixels (continuous: pixel (0,0) covers [0,1)×[0,1)); z is depth in the same scale
 * as x (MediaPipe convention, smaller = nearer, relative to the face's centre).
 */
export type Point3 = [x: number, y: number, z: number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * One face found in an image. Everything is in the input image's pixel coordinates, so results
 * stay valid after the tensors are gone and can cross the offscreen → page boundary as plain data.
 */
export interface FaceLandmarks {
  /** Detector box (BlazeFace), pixels. */
  box: Box;
  /** Detector confidence, 0..1. */
  detectorScore: number;
  /**
   * The 468 MediaPipe face-mesh points (canonical MediaPipe indices), pixels. When `iris` is present,
   * the 71 eye-region points of each eye (lids, halo, brows) have the iris model's sharper x/y.
   */
  mesh: Point3[];
  /** Face-mesh "face present" confidence, 0..1. */
  meshScore: number;
  /**
   * Iris refinement per eye, 5 points each (centre first, then the 4 contour points), pixels.
   * `left`/`right` are the SUBJECT's eyes (MediaPipe's mesh index 33 is the subject's right eye).
   * Absent when the iris model did not run.
   */
  iris?: { left: Point3[]; right: Point3[] };
}
