/**
 * The check page's address for an image on a web page: the context-menu handler opens it, and the
 * check page reads it back. The tab and frame let the page read an image the extension cannot
 * fetch by drawing it where it is shown (with the activeTab grant the menu click gives).
 */
export const CHECK_PAGE_PATH = '/check.html';
/** The id of the "Check face quality" context-menu entry that opens it. */
export const IMAGE_CHECK_MENU_ID = 'faceready-check-image';

export interface PageImage {
  /** The image's URL as the page has it (http(s), data: or blob:). */
  src: string;
  tabId?: number;
  frameId?: number;
}

const READABLE_PROTOCOLS = ['http:', 'https:', 'data:', 'blob:'];

function isReadableUrl(src: string): boolean {
  try {
    return READABLE_PROTOCOLS.includes(new URL(src).protocol);
  } catch {
    return false;
  }
}

const wholeNumber = (value: string | null) => (value !== null && /^\d+$/.test(value) ? Number(value) : undefined);

/** The query string of the check page for this image. */
export function checkPageSearch(image: PageImage): string {
  const params = new URLSearchParams({ src: image.src });
  if (image.tabId !== undefined) params.set('tab', String(image.tabId));
  if (image.frameId !== undefined) params.set('frame', String(image.frameId));
  return `?${params}`;
}

/** The image a check page was opened for, or null (opened empty, or with something unusable). */
export function parseCheckPageSearch(search: string): PageImage | null {
  const params = new URLSearchParams(search);
  const src = params.get('src');
  if (!src || !isReadableUrl(src)) return null;
  return { src, tabId: wholeNumber(params.get('tab')), frameId: wholeNumber(params.get('frame')) };
}
