import type { Point3 } from '../types';

/**
 * The mesh with the eye-region points replaced by the iris model's sharper ones (x and y; the mesh's
 * z is kept because the iris model's depth has another origin), as MediaPipe's
 * UpdateFaceLandmarksCalculator does. `meshIndices[i]` is the mesh index of `eyePoints[i]`.
 */
export function refineEyeLandmarks(mesh: readonly Point3[], eyePoints: readonly Point3[], meshIndices: readonly number[]): Point3[] {
  if (eyePoints.length !== meshIndices.length) throw new Error(`refineEyeLandmarks: ${eyePoints.length} points for ${meshIndices.length} indices`);
  const refined = mesh.map((p) => [...p] as Point3);
  meshIndices.forEach((index, i) => {
    refined[index] = [eyePoints[i][0], eyePoints[i][1], mesh[index][2]];
  });
  return refined;
}
