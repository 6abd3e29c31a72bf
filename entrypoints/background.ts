import { syncContentScripts } from '@/src/extension/content-scripts';
import { createImageCheckMenu, listenToImageCheckMenu } from '@/src/extension/image-check-menu';
import { ensureOffscreenDocument, restartOffscreenDocument } from '@/src/extension/offscreen-document';
import { backendChoice, enabledOrigins } from '@/src/extension/settings';
import { originsStillPermitted } from '@/src/extension/site-matches';
import { parse } from '@/src/protocol/check';
import { backgroundRequest, type BackgroundReply, type BackgroundRequest } from '@/src/protocol/messages';

async function handle(request: BackgroundRequest): Promise<void> {
  switch (request.type) {
    case 'ensure-engine':
      return ensureOffscreenDocument();
    case 'set-site-enabled': {
      const origins = new Set(await enabledOrigins.getUserValue());
      if (request.enabled) origins.add(request.origin);
      else origins.delete(request.origin);
      await enabledOrigins.setValue([...origins]);
      return syncContentScripts(await enabledOrigins.getValue());
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
    await enabledOrigins.setValue(originsStillPermitted(await enabledOrigins.getUserValue(), origins));
    await resync();
  });
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (reply: BackgroundReply) => void) => {
    let request: BackgroundRequest;
    try {
      request = parse(backgroundRequest, message, 'background request');
    } catch {
      return false; // not ours (e.g. a port-less message from another context)
    }
    handle(request).then(
      () => sendResponse({ ok: true }),
      (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });
});
