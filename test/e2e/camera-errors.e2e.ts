/**
 * A camera that does not start (issue 18): the overlay names why, from getUserMedia's error NAME (the
 * tap sends a code, never the browser's or the page's text), and says what to do.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launch, openDemo, waitForStatus, type Session } from './harness';

describe('camera errors', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('explains a denied camera and what to do', async () => {
    // The browser answers the camera prompt with "Block", as a user who refuses does.
    session = await launch({ video: 'astronaut', cameraPermission: 'denied' });
    const page = await openDemo(session);
    const status = await waitForStatus(page, /^The camera is blocked/, 30_000);
    expect(status).toBe('The camera is blocked: Allow the camera with the camera or lock icon in the address bar, then reload the page');
    // The page got its own error back (NotAllowedError), and FaceReady did not repeat its words.
    expect(await page.$eval('#page-status', (el) => el.textContent)).toMatch(/^Camera error: /);
  });

  it('explains a missing camera', async () => {
    session = await launch({ video: 'astronaut' });
    const page = await openDemo(session, '?autostart&camera=absent');
    expect(await waitForStatus(page, /^No camera found/, 30_000)).toBe('No camera found: Connect a camera or switch it on, then reload the page');
  });
});
