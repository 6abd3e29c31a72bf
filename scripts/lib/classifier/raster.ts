/**
 * Anti-aliased coverage rasterisation of simple shapes (polygon, ellipse, thick line), for drawing
 * synthetic occluders. Coverage is the fraction of each pixel inside the shape (4×4 supersampling).
 */
export type Point = [x: number, y: number];

const SUB = 4;

/** Even-odd polygon fill; returns width×height coverage in 0..1. */
export function polygonCoverage(polygon: readonly Point[], width: number, height: number): Float32Array {
  const cov = new Float32Array(width * height);
  if (polygon.length < 3) return cov;
  const ys = polygon.map((p) => p[1]);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)));
  const xs: number[] = [];
  for (let y = y0; y <= y1; y++) {
    for (let s = 0; s < SUB; s++) {
      const sy = y + (s + 0.5) / SUB;
      xs.length = 0;
      for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
        const [xi, yi] = polygon[i];
        const [xj, yj] = polygon[j];
        if (yi > sy !== yj > sy) xs.push(xi + ((sy - yi) / (yj - yi)) * (xj - xi));
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        // sub-samples at x + (t + 0.5)/SUB that fall inside [xs[k], xs[k+1])
        const first = Math.max(0, Math.ceil(xs[k] * SUB - 0.5));
        const last = Math.min(width * SUB - 1, Math.ceil(xs[k + 1] * SUB - 0.5) - 1);
        for (let t = first; t <= last; t++) cov[y * width + Math.floor(t / SUB)] += 1 / (SUB * SUB);
      }
    }
  }
  return cov;
}

export function ellipsePolygon(cx: number, cy: number, rx: number, ry: number, angle: number, segments = 48): Point[] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return Array.from({ length: segments }, (_, i) => {
    const t = (2 * Math.PI * i) / segments;
    const x = rx * Math.cos(t);
    const y = ry * Math.sin(t);
    return [cx + x * c - y * s, cy + x * s + y * c] as Point;
  });
}

/** A segment of the given thickness as a quad (butt ends). */
export function thickLine(a: Point, b: Point, thickness: number): Point[] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy) || 1;
  const nx = (-dy / len) * (thickness / 2);
  const ny = (dx / len) * (thickness / 2);
  return [[a[0] + nx, a[1] + ny], [b[0] + nx, b[1] + ny], [b[0] - nx, b[1] - ny], [a[0] - nx, a[1] - ny]];
}

/** Pixel-wise max of coverages (union). */
export function unionCoverage(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts[0].length);
  for (const p of parts) for (let i = 0; i < out.length; i++) out[i] = Math.max(out[i], p[i]);
  return out;
}
