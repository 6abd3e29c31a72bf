import { listenToBackgroundRequests } from '@/src/extension/background-requests';
import { syncContentScripts } from '@/src/extension/content-scripts';
import { createImageCheckMenu, listenToImageCheckMenu } from '@/src/extension/image-check-menu';
import type { EngineHost } from '@/src/extension/engine-host';
import { offscreenEngineHost } from '@/src/extension/offscreen-document';
import { watchManagedPolicy } from '@/src/extension/policy-item';
import { backendChoice, enabledOrigins } from '@/src/extension/settings';
import { reconnectOpenPages } from '@/src/extension/site-enabled';
import { originMatchPattern, originsStillPermitted } from '@/src/extension/site-matches';
import { watchToolbar } from '@/src/extension/toolbar-badge';
import { rememberWebglProbe } from '@/src/extension/webgl-probe-memory';
import { docPagePath } from '@/src/ui/doc-page-path';
import { TOGGLE_PANEL_COMMAND, type BackgroundRequest, type BackgroundToOverlay } from '@/src/protocol/messages';

async function handle(engineHost: Promise<EngineHost>, request: BackgroundRequest): Promise<void> {
  switch (request.type) {
    case 'ensure-engine':
      return (await engineHost).ensure();
    case 'webgl-probed':
      return rememberWebglProbe(request.renderer);
    case 'open-help':
      return void (await browser.tabs.create({ url: browser.runtime.getURL(docPagePath('help')) }));
    case 'set-site-enabled': {
      if (!originMatchPattern(request.origin)) throw new Error('not a web origin');
      const origins = new Set(await enabledOrigins.getUserValue());
      if (request.enabled) origins.add(request.origin);
      else origins.delete(request.origin);
      await enabledOrigins.setValue([...origins]);
      return syncContentScripts(await enabledOrigins.getValue());
    }
  }
}

export default defineBackground(() => {
  // Chromium runs the engine in an offscreen document; Firefox, which has none, in this background page. The import is
  // dynamic so that Chromium's service worker does not bundle TensorFlow.js.
  const engineHost: Promise<EngineHost> = import.meta.env.FIREFOX
    ? import('@/src/extension/background-page-engine').then(({ backgroundPageEngineHost }) => backgroundPageEngineHost())
    : Promise.resolve(offscreenEngineHost);
  const resync = async () => syncContentScripts(await enabledOrigins.getValue());
  browser.runtime.onInstalled.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
  browser.runtime.onInstalled.addListener(createImageCheckMenu);
  listenToImageCheckMenu();
  void reconnectOpenPages(async () => (await engineHost).ensure());
  backendChoice.watch(async () => (await engineHost).restart());
  browser.permissions.onRemoved.addListener(async ({ origins = [] }) => {
    await enabledOrigins.setValue(originsStillPermitted(await enabledOrigins.getUserValue(), origins));
    await resync();
  });
  // An administrator's sites apply without a restart.
  watchManagedPolicy(() => void resync());
  watchToolbar();
  browser.commands.onCommand.addListener((command, tab) => {
    const message: BackgroundToOverlay = { type: 'toggle-panel' };
    // Every frame's overlay gets it (a call may sit in an iframe); a tab without FaceReady has no listener.
    if (command === TOGGLE_PANEL_COMMAND && tab?.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  });
  listenToBackgroundRequests((request) => handle(engineHost, request));
});
