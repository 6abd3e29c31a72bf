import { describe, expect, it } from 'vitest';
import type { FaceLandmarks, Point3 } from '../../../src/model/face/types';
import { faceHeight, glassesFrame, glassesGeometry, handPolygons, LOWER_OVAL, maskPolygon, scarfPolygon } from '../../../scripts/lib/classifier/occluder-geometry';
import { occluderLayers } from '../../../scripts/lib/classifier/occluders';
import { ellipsePolygon, polygonCoverage, thickLine } from '../../../scripts/lib/classifier/raster';

/** A frontal face in a 200×200 image: oval centred (100, 100), eyes at y = 80, nose 100, mouth 130, chin 160, forehead 40. */
function syntheticFace(): FaceLandmarks {
  const mesh: Point3[] = Array.from({ length: 468 }, () => [100, 100, 0]);
  const set = (i: number, x: number, y: number) => (mesh[i] = [x, y, 0]);
  LOWER_OVAL.forEach((idx, k) => {
    const t = Math.PI * (k / (LOWER_OVAL.length - 1)); // 0 → π: right cheek (x 50) → chin → left cheek (x 150)
    set(idx, 100 - 50 * Math.cos(t), 100 + 60 * Math.sin(t));
  });
  set(10, 100, 40); // forehead
  set(152, 100, 160); // chin
  set(6, 100, 82); // nose bridge
  set(197, 100, 92);
  set(4, 100, 110); // nose tip
  set(0, 100, 122); // upper lip
  set(13, 100, 130); // mouth
  set(33, 60, 80); set(133, 85, 80); // subject's right eye (image left)
  set(362, 115, 80); set(263, 140, 80);
  set(234, 50, 100); set(454, 150, 100);
  set(50, 70, 110); set(280, 130, 110);
  return { box: { x: 50, y: 40, width: 100, height: 120 }, detectorScore: 0.9, mesh, meshScore: 0.9 };
}

const area = (cov: Float32Array) => cov.reduce((a, b) => a + b, 0);
const covAt = (cov: Float32Array, x: number, y: number) => cov[y * 200 + x];

describe('polygonCoverage', () => {
  it('covers an axis-aligned square exactly, with fractional edge pixels', () => {
    const cov = polygonCoverage([[2, 2], [6, 2], [6, 6], [2, 6]], 10, 10);
    expect(area(cov)).toBeCloseTo(16, 5);
    expect(cov[3 * 10 + 3]).toBe(1);
    expect(cov[1 * 10 + 1]).toBe(0);
    const half = polygonCoverage([[2.5, 2], [6, 2], [6, 6], [2.5, 6]], 10, 10);
    expect(half[3 * 10 + 2]).toBeCloseTo(0.5, 5);
  });
  it('approximates circle and thick-line areas', () => {
    expect(area(polygonCoverage(ellipsePolygon(50, 50, 20, 10, 0.3, 96), 100, 100))).toBeCloseTo(Math.PI * 200, -1);
    expect(area(polygonCoverage(thickLine([10, 10], [40, 50], 4), 100, 100))).toBeCloseTo(50 * 4, -1);
  });
});

describe('occluder geometry from landmarks', () => {
  const face = syntheticFace();
  it('a mask covers mouth and chin, not the eyes', () => {
    const cov = polygonCoverage(maskPolygon(face, 0.5), 200, 200);
    expect(covAt(cov, 100, 130)).toBe(1);
    expect(covAt(cov, 100, 150)).toBe(1);
    expect(covAt(cov, 70, 80)).toBe(0);
    expect(covAt(cov, 100, 80)).toBe(0);
  });
  it('a scarf covers the mouth and reaches below the chin', () => {
    const cov = polygonCoverage(scarfPolygon(face, 0.4), 200, 200);
    expect(covAt(cov, 100, 130)).toBe(1);
    expect(covAt(cov, 100, 175)).toBe(1);
    expect(covAt(cov, 72, 80)).toBe(0);
  });
  it('a hand over the mouth covers it, with fingers above the palm', () => {
    const polys = handPolygons(face, 'mouth', 0);
    const cov = polygonCoverage(polys[0], 200, 200);
    expect(covAt(cov, 100, 140)).toBe(1);
    expect(Math.min(...polys.slice(1).flat().map((p) => p[1]))).toBeLessThan(130);
  });
  it('glasses: lenses centred on the eyes, frame ring leaves the eye itself visible', () => {
    expect(faceHeight(face)).toBe(120);
    const g = glassesGeometry(face, 1);
    expect(g.right.centre).toEqual([72.5, 80]);
    expect(g.left.centre).toEqual([127.5, 80]);
    expect(g.angle).toBe(0);
    const frame = glassesFrame(face, 1, 0.1);
    const ring = polygonCoverage(frame.polygons[0], 200, 200);
    const hole = polygonCoverage(frame.holes![0], 200, 200);
    expect(covAt(ring, 72, 80) - covAt(hole, 72, 80)).toBe(0); // eye centre: inside the hole
    const rimX = Math.round(72.5 + g.right.rx + 1);
    expect(covAt(ring, rimX, 80) - covAt(hole, rimX, 80)).toBeGreaterThan(0.5); // on the rim
  });
  it('sunglasses paint dark opaque lenses; clear glasses only a faint tint', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const sun = occluderLayers('sunglasses', face, 200, 200, random, [200, 160, 140]);
    expect(sun[0].alpha).toBeGreaterThan(0.75);
    expect(Math.max(...sun[0].colour)).toBeLessThan(70);
    const clear = occluderLayers('glasses', face, 200, 200, random, [200, 160, 140]);
    expect(clear[0].alpha).toBeLessThan(0.2);
  });
});
