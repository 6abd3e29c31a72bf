/**
 * The background's runtime messages: what FaceReady's contexts may ask of it, and who may ask.
 * A content script runs inside a page FaceReady does not control (and, if the page compromised its
 * renderer, says whatever the page wants), so it may only ask for the engine; changing settings is
 * reserved to FaceReady's own pages. The sender is the one the browser reports.
 */
import { browser } from 'wxt/browser';
import { parse } from '../protocol/check';
import { backgroundRequest, PRIVILEGED_BACKGROUND_REQUESTS, type BackgroundReply, type BackgroundRequest } from '../protocol/messages';
import { ownExtension, senderRole } from '../protocol/sender';

export function listenToBackgroundRequests(handle: (request: BackgroundRequest) => Promise<void>): void {
  const extension = ownExtension(browser.runtime);
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: BackgroundReply) => void) => {
    const role = senderRole(sender, extension);
    if (role === 'foreign') return false;
    let request: BackgroundRequest;
    try {
      request = parse(backgroundRequest, message, 'background request');
    } catch {
      return false; // not ours (e.g. a port-less message from another context)
    }
    if (PRIVILEGED_BACKGROUND_REQUESTS.has(request.type) && role !== 'extension-page') {
      sendResponse({ ok: false, error: `${request.type} is only accepted from FaceReady's own pages` });
      return false;
    }
    handle(request).then(
      () => sendResponse({ ok: true }),
      (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });
}
