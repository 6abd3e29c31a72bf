/**
 * Firefox's engine host: the background page itself (Firefox has no offscreen documents, and its
 * background is an event page with a DOM, WebGL and WASM). Two Firefox behaviours are handled here:
 * - An event page is suspended after 30 s without extension activity, which would end the engine
 *   mid-explanation (live frames pause while one runs). While any client is connected, the page
 *   makes a cheap extension API call every 20 s: calls from the background reset Firefox's idle timer.
 *   With no client left it may sleep; the next `ensure-engine` wakes it.
 * - The backend setting is read from storage when the engine starts; `restart` stops the server,
 *   whose clients reconnect and start it again with the current setting.
 */
import { browser } from 'wxt/browser';
import { ENGINE_PORT } from '../protocol/messages';
import type { ServedEngine } from '../engine/serve-engine';
import { serveAnalysisEngine, type EngineHost } from './engine-host';
import { backendChoice } from './settings';

/** Under Firefox's idle timeout (extensions.background.idle.timeout, 30 s). */
export const KEEP_AWAKE_INTERVAL_MS = 20_000;

export function backgroundPageEngineHost(): EngineHost {
  let served: ServedEngine | null = null;
  const clients = new Set<Browser.runtime.Port>();
  let keepAwake: ReturnType<typeof setInterval> | undefined;
  const clientsChanged = () => {
    if (clients.size > 0) keepAwake ??= setInterval(() => void browser.runtime.getPlatformInfo(), KEEP_AWAKE_INTERVAL_MS);
    else {
      clearInterval(keepAwake);
      keepAwake = undefined;
    }
  };

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== ENGINE_PORT) return;
    clients.add(port);
    clientsChanged();
    port.onDisconnect.addListener(() => {
      clients.delete(port);
      clientsChanged();
    });
  });

  return {
    async ensure() {
      if (served) return;
      const backend = await backendChoice.getValue();
      served ??= serveAnalysisEngine(backend);
    },
    async restart() {
      served?.stop();
      served = null;
      // The server disconnected them itself, so they get no onDisconnect here.
      clients.clear();
      clientsChanged();
    },
  };
}
