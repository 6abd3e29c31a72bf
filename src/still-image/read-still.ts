/**
 * Turns a dropped, pasted or chosen file, or an image on a web page, into a decoded bitmap that fits
 * the engine's frame limit — or into a specific StillImageProblem. Runs in the check page.
 */
import { browser } from 'wxt/browser';
import { fitWithin } from '../capture/downscale';
import { FRAME_LIMITS } from '../protocol/messages';
import type { PageImage } from './check-page-url';
import { readBodyWithin } from './read-body';
import { checkByteSize, checkDimensions, checkStillFile, STILL_IMAGE_LIMITS, type ImageFormat, type StillImageProblem } from './still-image-validation';

export class StillImageError extends Error {
  override name = 'StillImageError';
  constructor(readonly problem: StillImageProblem) {
    super(problem.kind);
  }
}

export interface DecodedStill {
  /** At most FRAME_LIMITS.maxSide on its longer side; the caller closes it. */
  bitmap: ImageBitmap;
  original: { width: number; height: number };
}

/** Decodes the checked bytes of an image file and downscales it to the engine's limit. */
export async function decodeStill(bytes: Uint8Array): Promise<DecodedStill> {
  const checked = checkStillFile(bytes);
  if (!checked.ok) throw new StillImageError(checked.problem);
  return decodeChecked(new Blob([bytes as Uint8Array<ArrayBuffer>]), checked.format);
}

async function decodeChecked(blob: Blob, format: ImageFormat | null): Promise<DecodedStill> {
  let full: ImageBitmap;
  try {
    full = await createImageBitmap(blob);
  } catch {
    throw new StillImageError({ kind: 'corrupt', format, reason: 'undecodable' });
  }
  const original = { width: full.width, height: full.height };
  const problem = checkDimensions(original.width, original.height);
  if (problem) {
    full.close();
    throw new StillImageError(problem);
  }
  const fit = fitWithin(original.width, original.height, FRAME_LIMITS.maxSide);
  if (fit.width === original.width && fit.height === original.height) return { bitmap: full, original };
  const bitmap = await createImageBitmap(full, { resizeWidth: fit.width, resizeHeight: fit.height, resizeQuality: 'high' });
  full.close();
  return { bitmap, original };
}

/** A dropped, pasted or chosen file: its size is checked before a byte of it is read. */
export async function readStillFile(file: Blob): Promise<DecodedStill> {
  const sizeProblem = checkByteSize(file.size);
  if (sizeProblem) throw new StillImageError(sizeProblem);
  return decodeStill(new Uint8Array(await file.arrayBuffer()));
}

type FetchOutcome = { ok: true; still: DecodedStill } | { ok: false; status: number | null };

/** Fetches from the extension: allowed where the user granted the host permission, or the server allows it (CORS), and for data: URLs. */
async function fetchStill(src: string): Promise<FetchOutcome> {
  let response: Response;
  try {
    response = await fetch(src, { credentials: 'include' });
  } catch {
    return { ok: false, status: null }; // network error, or the server does not let us read it
  }
  if (!response.ok) return { ok: false, status: response.status };
  const declared = Number(response.headers.get('content-length'));
  const sizeProblem = Number.isFinite(declared) && declared > STILL_IMAGE_LIMITS.maxBytes ? checkByteSize(declared) : null;
  if (sizeProblem) throw new StillImageError(sizeProblem);
  // The declared length may be missing or false: the read itself stops at the cap.
  const body = await readBodyWithin(response.body, STILL_IMAGE_LIMITS.maxBytes);
  if (!body.ok) throw new StillImageError(checkByteSize(body.bytesRead)!);
  return { ok: true, still: await decodeStill(body.bytes) };
}

type InPageResult = { dataUrl: string; width: number; height: number } | { error: 'missing' | 'not-loaded' | 'tainted' };

/**
 * Runs in the page (injected with chrome.scripting): draws the <img> the user clicked into a canvas,
 * downscaled to maxSide. The canvas refuses to be read when the image came from another origin
 * without CORS ("tainted"): then the page's browser does not allow it either.
 */
function drawImageInPage(src: string, maxSide: number): InPageResult {
  const image = Array.from(document.images).find((img) => img.currentSrc === src || img.src === src);
  if (!image) return { error: 'missing' };
  if (!image.complete || image.naturalWidth === 0) return { error: 'not-loaded' };
  const width = image.naturalWidth;
  const height = image.naturalHeight;
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
  try {
    return { dataUrl: canvas.toDataURL('image/png'), width, height };
  } catch {
    return { error: 'tainted' };
  }
}

async function readInPage(image: PageImage & { tabId: number }): Promise<DecodedStill | null> {
  let result: InPageResult | undefined;
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId: image.tabId, frameIds: [image.frameId ?? 0] },
      func: drawImageInPage,
      args: [image.src, FRAME_LIMITS.maxSide],
    });
    result = injection?.result as InPageResult | undefined;
  } catch {
    return null; // no access to that tab (no activeTab grant, or it navigated away)
  }
  if (!result || 'error' in result) return null;
  // The page has decoded it already and only a ≤ maxSide copy comes back: no pixel limit, only the minimum size.
  const problem = checkDimensions(result.width, result.height, { ...STILL_IMAGE_LIMITS, maxPixels: Infinity });
  if (problem) throw new StillImageError(problem);
  const drawn = await decodeChecked(await (await fetch(result.dataUrl)).blob(), 'png');
  return { bitmap: drawn.bitmap, original: { width: result.width, height: result.height } };
}

/**
 * An image on a web page: fetched by the extension where the browser allows it, otherwise drawn in
 * the page where it is shown; if neither is allowed, the problem says so.
 */
export async function readPageImage(image: PageImage): Promise<DecodedStill> {
  const fetched = await fetchStill(image.src);
  if (fetched.ok) return fetched.still;
  const drawn = image.tabId === undefined ? null : await readInPage({ ...image, tabId: image.tabId });
  if (drawn) return drawn;
  throw new StillImageError(fetched.status === null ? { kind: 'unreadable-cross-origin', url: image.src } : { kind: 'fetch-failed', url: image.src, status: fetched.status });
}
