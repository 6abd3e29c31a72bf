import { syncContentScripts } from '@/src/extension/content-scripts';
import { createImageCheckMenu, listenToImageCheckMenu } from '@/src/extension/image-check-menu';
import { ensureOffscreenDocument, restartOffscreenDocument } from '@/src/extension/offscreen-document';
import { backendChoice, enabledOrigins } from '@/src/extension/settings';
import { originMatchPattern, originsStillPermitted } from '@/src/extension/site-matches';
import { parse } from '@/src/protocol/check';
import { backgroundRequest, PRIVILEGED_BACKGROUND_REQUESTS, type BackgroundReply, type BackgroundRequest } from '@/src/protocol/messages';
import { ownExtension, senderRole } from '@/src/protocol/sender';

async function handle(request: BackgroundRequest): Promise<void> {
  switch (request.type) {
    case 'ensure-engine':
      return ensureOffscreenDocument();
    case 'set-site-enabled': {
      if (!originMatchPattern(request.origin)) throw new Error('not a web origin');
      const origins = new Set(await enabledOrigins.getValue());
      if (request.enabled) origins.add(request.origin);
      else origins.delete(request.origin);
      await enabledOrigins.setValue([...origins]);
      return syncContentScripts([...origins]);
    }
  }
}

export default defineBackground(() => {
  const resync = async () => syncContentScripts(await enabledOrigins.getValue());
  browser.runtime.onInstalled.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
  browser.runtime.onInstalled.addListener(createImageCheckMenu);
  listenToImageCheckMenu();
  backendChoice.watch(restartOffscreenDocument);
  browser.permissions.onRemoved.addListener(async ({ origins = [] }) => {
    await enabledOrigins.setValue(originsStillPermitted(await enabledOrigins.getValue(), origins));
    await resync();
  });
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
    // A content script runs inside a page FaceReady does not control: it may only ask for the engine.
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
});
