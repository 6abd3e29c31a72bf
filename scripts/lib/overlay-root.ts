/**
 * FaceReady's overlay lives in a CLOSED shadow root, so the page (and anything run in the page's world,
 * tests included) gets null from `host.shadowRoot`. E2e tests and benchmarks reach it through the
 * browser's own protocol, as DevTools does: CDP's DOM.describeNode lists closed shadow roots
 * (Chromium), and WebDriver BiDi serializes an element's shadow root whatever its mode (Firefox). The
 * handle stays with the test: the page never gets a reference to the root.
 */
import type { CDPSession, ElementHandle, Frame, JSHandle, Page } from 'puppeteer-core';

/** The tag of the overlay's host element (WXT's createShadowRootUi `name`). */
export const OVERLAY_HOST = 'faceready-overlay';

/** The shadow root of `host` (open or closed), or null when it has none. Uses puppeteer internals of both protocols. */
export async function shadowRootOf(host: ElementHandle<Element>): Promise<JSHandle<ShadowRoot> | null> {
  const cdp = host as unknown as { client?: CDPSession; realm: { adoptBackendNode?(id: number): Promise<JSHandle<ShadowRoot>> } };
  if (cdp.client && cdp.realm.adoptBackendNode) {
    const { node } = await cdp.client.send('DOM.describeNode', { objectId: host.remoteObject().objectId, depth: 0, pierce: true });
    const backendNodeId = node.shadowRoots?.[0]?.backendNodeId;
    return backendNodeId === undefined ? null : cdp.realm.adoptBackendNode(backendNodeId);
  }
  const bidi = host as unknown as { remoteValue(): { value?: { shadowRoot?: unknown } }; realm: { createHandle(value: unknown): JSHandle<ShadowRoot> } };
  const shadowRoot = bidi.remoteValue().value?.shadowRoot;
  return shadowRoot ? bidi.realm.createHandle(shadowRoot) : null;
}

/**
 * Runs `query` (its source: closures do not cross into the page) on the overlay's shadow root in `target`
 * (a page or one of its frames), with `arg`; null when there is no overlay.
 */
export async function queryOverlay<T, A>(target: Page | Frame, query: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<{ value: T } | null> {
  const host = await target.$(OVERLAY_HOST);
  if (!host) return null;
  try {
    const root = await shadowRootOf(host);
    if (!root) return null;
    try {
      const value = (await root.evaluate((r, source, a) => new Function('root', 'arg', `return (${source})(root, arg)`)(r, a), query.toString(), arg as unknown)) as T;
      return { value };
    } finally {
      await root.dispose();
    }
  } finally {
    await host.dispose();
  }
}

/** The text of the overlay's role="status" live region in `target`, or null if the overlay is not there. */
export function overlayStatus(target: Page | Frame): Promise<string | null> {
  return queryOverlay(target, (root) => root.querySelector('[role="status"]')?.textContent ?? null).then((result) => result?.value ?? null);
}
