import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundReply, BackgroundRequest } from '../../../src/protocol/messages';

type Listener = (message: unknown, sender: object, reply: (r: BackgroundReply) => void) => boolean;
const runtime = vi.hoisted(() => ({
  id: 'faceready-id',
  getURL: (path: string) => `chrome-extension://faceready-id${path}`,
  listener: null as Listener | null,
  onMessage: { addListener: (l: Listener) => void (runtime.listener = l) },
}));
vi.mock('wxt/browser', () => ({ browser: { runtime } }));

const { listenToBackgroundRequests } = await import('../../../src/extension/background-requests');

const POPUP = { id: 'faceready-id', url: 'chrome-extension://faceready-id/popup.html', origin: 'chrome-extension://faceready-id' };
const CONTENT_SCRIPT = { id: 'faceready-id', url: 'https://clinic.example/consult', origin: 'https://clinic.example', tab: { id: 4 } };
const OTHER_EXTENSION = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };
const ENABLE = { type: 'set-site-enabled', origin: 'https://evil.example', enabled: true };

describe('listenToBackgroundRequests', () => {
  let handled: BackgroundRequest[];
  beforeEach(() => {
    handled = [];
    listenToBackgroundRequests(async (request) => void handled.push(request));
  });

  /** Delivers a message as the browser would; resolves with the reply, or null if none is coming. */
  function deliver(message: unknown, sender: object): Promise<BackgroundReply | null> {
    return new Promise((resolve) => {
      let replied = false;
      const willReply = runtime.listener!(message, sender, (reply) => ((replied = true), resolve(reply)));
      if (!willReply && !replied) resolve(null);
    });
  }

  it('lets FaceReady’s own pages change settings, with unknown keys dropped', async () => {
    expect(await deliver({ ...ENABLE, extra: 'x' }, POPUP)).toEqual({ ok: true });
    expect(handled).toEqual([ENABLE]);
  });

  it('refuses set-site-enabled from a content script, but lets it ask for the engine', async () => {
    expect(await deliver(ENABLE, CONTENT_SCRIPT)).toEqual({ ok: false, error: "set-site-enabled is only accepted from FaceReady's own pages" });
    expect(await deliver({ type: 'ensure-engine' }, CONTENT_SCRIPT)).toEqual({ ok: true });
    expect(handled).toEqual([{ type: 'ensure-engine' }]);
  });

  it('takes a WebGL probe to remember only from FaceReady’s own pages (the offscreen engine)', async () => {
    const PROBED = { type: 'webgl-probed', renderer: 'llvmpipe (LLVM 15.0.6, 256 bits)' };
    const OFFSCREEN = { id: 'faceready-id', url: 'chrome-extension://faceready-id/offscreen.html', origin: 'chrome-extension://faceready-id' };
    expect(await deliver(PROBED, CONTENT_SCRIPT)).toEqual({ ok: false, error: "webgl-probed is only accepted from FaceReady's own pages" });
    expect(await deliver(PROBED, OFFSCREEN)).toEqual({ ok: true });
    expect(handled).toEqual([PROBED]);
  });

  it('ignores other extensions and messages that are not requests', async () => {
    expect(await deliver(ENABLE, OTHER_EXTENSION)).toBeNull();
    expect(await deliver({ type: 'set-site-enabled', origin: 'x'.repeat(4 * 1024 * 1024), enabled: true }, POPUP)).toBeNull();
    expect(handled).toEqual([]);
  });
});
