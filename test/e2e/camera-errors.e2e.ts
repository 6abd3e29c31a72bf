/**
 * A camera that does not start (issue 18): the overlay names why, from getUserMedia's error NAME (the
 * tap sends a code, never the browser's or the page's text), and says what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openDemo, waitForStatus, type Session } from './harness';

describe('camera errors', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ video: 'astronaut' });
  });
  afterAll(async () => session?.close());

  it('explains a denied camera and what to do', async () => {
    const context = session.browser.defaultBrowserContext();
    // Grants nothing to the demo's origin, so its camera request is refused (NotAllowedError) without a prompt.
    await context.overridePermissions(new URL(session.demo.url).origin, []);
    try {
      const page = await openDemo(session);
      const status = await waitForStatus(page, /^The camera is blocked/, 30_000);
      expect(status).toBe('The camera is blocked: Allow the camera with the camera or lock icon in the address bar, then reload the page');
      // The page got its own error back unchanged, and FaceReady did not repeat its words.
      expect(await page.$eval('#page-status', (el) => el.textContent)).toMatch(/^Camera error: /);
      await page.close();
    } finally {
      await context.clearPermissionOverrides();
    }
  });

  it('explains a missing camera', async () => {
    const page = await openDemo(session, '?autostart&camera=absent');
    expect(await waitForStatus(page, /^No camera found/, 30_000)).toBe('No camera found: Connect a camera or switch it on, then reload the page');
    await page.close();
  });
});
