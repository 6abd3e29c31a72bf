/**
 * An RGBA image in row-major order, 4 bytes per pixel. The browser's ImageData satisfies it
 * structurally, and Node scripts build it from decoded files, so every pure module takes this.
 */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}
