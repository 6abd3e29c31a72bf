/** sRGB (0–255, D65) to CIELAB, the colour space OFIQ's natural-colour measure and the skin tests use. */
const linear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const LINEAR = Float32Array.from({ length: 256 }, (_, i) => linear(i));
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);

/** Lab of one colour; channels may be fractional (a resampled pixel), read through the 8-bit table's neighbours. */
export function srgbToLab(r: number, g: number, b: number): [L: number, a: number, b: number] {
  const lin = (c: number) => {
    const i = Math.min(254, Math.max(0, Math.floor(c)));
    return LINEAR[i] + (LINEAR[i + 1] - LINEAR[i]) * (Math.min(255, Math.max(0, c)) - i);
  };
  const R = lin(r);
  const G = lin(g);
  const B = lin(b);
  const x = f((0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047);
  const y = f(0.2126 * R + 0.7152 * G + 0.0722 * B);
  const z = f((0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
