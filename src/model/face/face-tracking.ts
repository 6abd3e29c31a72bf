/**
 * Face tracking between the frames of one video stream, as MediaPipe's face_mesh graph does it: the
 * next frame's mesh region comes from this frame's landmarks, and the detector runs only when the
 * track is lost (mesh unsure, face leaving its region, two tracks on one face), every N frames, or
 * after a gap. Pure logic; the landmarker runs the models.
 */
import { boundsOfPoints } from './calculators/bounds-of-points';
import { calculateRoi } from './calculators/calculate-roi';
import { intersectionOverUnion } from './calculators/intersection-over-union';
import type { Corners, Point2, RotatedRect } from './calculators/types';
import { MESH_ROI_CONFIG, TRACKING_ROTATION_LANDMARKS } from './constants';
import type { Box, Point3 } from './types';

/** The detector's box expressed in the bounds of the mesh found with it, so the box can move with the mesh. */
export interface BoxInMesh {
  centerX: number;
  centerY: number;
  width: number;
  height: number;
}

export interface TrackedFace {
  /** Where the next frame's mesh is looked for. */
  roi: RotatedRect;
  /** The last detector box, relative to the mesh bounds of that frame. */
  boxInMesh: BoxInMesh;
  /** The last detector score. */
  detectorScore: number;
}

export interface FaceTrack {
  faces: TrackedFace[];
  /** Frames of this stream since the detector last ran (0 on the frame it ran). */
  framesSinceDetection: number;
}

/** A face as the mesh saw it in the region it was looked for. */
export interface MeshInRegion {
  mesh: readonly Point3[];
  meshScore: number;
  roi: RotatedRect;
}

const xy = (mesh: readonly Point3[]): Point2[] => mesh.map((p) => [p[0], p[1]]);

/** The region to look for this face in the next frame: its landmarks' bounds, turned level along the eye corners, 1.5× (MediaPipe face_landmarks_to_roi). */
export function roiFromLandmarks(mesh: readonly Point3[]): RotatedRect {
  const [start, end] = TRACKING_ROTATION_LANDMARKS;
  return calculateRoi(boundsOfPoints(xy(mesh)), [mesh[start][0], mesh[start][1]], [mesh[end][0], mesh[end][1]], MESH_ROI_CONFIG.scale);
}

export function boxInMesh(box: Box, mesh: readonly Point3[]): BoxInMesh {
  const m = boundsOfPoints(xy(mesh));
  const w = m.xMax - m.xMin;
  const h = m.yMax - m.yMin;
  return {
    centerX: (box.x + box.width / 2 - (m.xMin + m.xMax) / 2) / w,
    centerY: (box.y + box.height / 2 - (m.yMin + m.yMax) / 2) / h,
    width: box.width / w,
    height: box.height / h,
  };
}

/** The detector box carried onto a new mesh: same place and size relative to the mesh bounds. */
export function boxFromMesh(relative: BoxInMesh, mesh: readonly Point3[]): Box {
  const m = boundsOfPoints(xy(mesh));
  const w = m.xMax - m.xMin;
  const h = m.yMax - m.yMin;
  const width = relative.width * w;
  const height = relative.height * h;
  return { x: (m.xMin + m.xMax) / 2 + relative.centerX * w - width / 2, y: (m.yMin + m.yMax) / 2 + relative.centerY * h - height / 2, width, height };
}

/** True when every point lies inside the rotated rectangle. */
export function pointsInsideRoi(points: readonly Point3[], roi: RotatedRect): boolean {
  const cos = Math.cos(roi.angle);
  const sin = Math.sin(roi.angle);
  return points.every(([x, y]) => {
    const dx = x - roi.centerX;
    const dy = y - roi.centerY;
    return Math.abs(cos * dx + sin * dy) <= roi.width / 2 && Math.abs(-sin * dx + cos * dy) <= roi.height / 2;
  });
}

/** Whether this frame can follow the track instead of running the detector. */
export function canFollow(track: FaceTrack | undefined, config: { redetectEvery: number }): track is FaceTrack {
  return track !== undefined && track.faces.length > 0 && track.framesSinceDetection + 1 < config.redetectEvery;
}

/**
 * Whether the meshes found in the tracked regions still hold the faces: each mesh is sure enough,
 * lies wholly inside the region it was looked for (else the face is leaving it, and a crop that cut
 * it would mislead), and no two tracks have converged on one face.
 */
export function trackHolds(faces: readonly MeshInRegion[], minPresenceScore: number, maxOverlap: number): boolean {
  if (faces.some((f) => !(f.meshScore >= minPresenceScore) || !pointsInsideRoi(f.mesh, f.roi))) return false;
  const bounds: Corners[] = faces.map((f) => boundsOfPoints(xy(f.mesh)));
  for (let i = 0; i < bounds.length; i++) {
    for (let j = i + 1; j < bounds.length; j++) if (intersectionOverUnion(bounds[i], bounds[j]) > maxOverlap) return false;
  }
  return true;
}

/** Per-stream tracks, forgotten after a gap and beyond `maxTrackedStreams` (least recently used first). */
export class FaceTrackStore {
  private readonly tracks = new Map<string, { track: FaceTrack; at: number }>();

  constructor(private readonly config: { maxTrackGapMs: number; maxTrackedStreams: number }) {}

  /** The stream's track, unless there is none or its last frame was more than `maxTrackGapMs` before `now`. */
  get(key: string, now: number): FaceTrack | undefined {
    const entry = this.tracks.get(key);
    if (!entry) return undefined;
    if (now - entry.at > this.config.maxTrackGapMs) {
      this.tracks.delete(key);
      return undefined;
    }
    return entry.track;
  }

  set(key: string, track: FaceTrack, now: number): void {
    this.tracks.delete(key);
    this.tracks.set(key, { track, at: now });
    for (const [old, entry] of this.tracks) {
      if (this.tracks.size <= this.config.maxTrackedStreams && now - entry.at <= this.config.maxTrackGapMs) break;
      this.tracks.delete(old);
    }
  }

  get size(): number {
    return this.tracks.size;
  }

  clear(): void {
    this.tracks.clear();
  }
}
