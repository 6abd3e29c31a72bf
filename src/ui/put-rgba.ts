import type { RgbaImage } from '../image';

/** Firefox's content-script global: copies a value into the compartment of `scope` (absent elsewhere). */
type CloneInto = <T>(value: T, scope: object) => T;

/**
 * Draws an RgbaImage into a 2D canvas context at its top-left corner. In a Firefox content script the
 * page's canvas may not read the script's own arrays: an ImageData built on one fails putImageData's
 * security check, and filling the context's ImageData from one is denied; so there the pixels are first
 * copied into the page's compartment (`cloneInto`). Elsewhere (Chromium, extension pages) they are used as is.
 */
export function putRgba(context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, image: RgbaImage): void {
  const pixels = context.createImageData(image.width, image.height);
  const cloneInto = (globalThis as { cloneInto?: CloneInto }).cloneInto;
  pixels.data.set(cloneInto ? cloneInto(image.data, pixels) : image.data);
  context.putImageData(pixels, 0, 0);
}
