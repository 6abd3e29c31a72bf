/**
 * The overlay's connection to the offscreen analysis engine: asks the background to make sure the
 * engine exists, opens a port to it, validates every event, and reconnects when the offscreen
 * document goes away (the background recreates it on the next ensure-engine).
 */
import { browser } from 'wxt/browser';
import { parse } from '../protocol/check';
import { ENGINE_PORT, engineEvent, type BackgroundReply, type EngineEvent, type EngineRequest } from '../protocol/messages';

export interface EngineClient {
  /** Sends a request if connected; returns false (and the caller drops the frame) otherwise. */
  send(request: EngineRequest): boolean;
  close(): void;
}

export interface EngineClientOptions {
  onEvent(event: EngineEvent): void;
  /** A problem the user should see: the engine could not be reached after retrying. */
  onFailure(error: string): void;
  /** Called whenever the connection (re)opens or drops, so in-flight bookkeeping can reset. */
  onConnectionChange(connected: boolean): void;
}

const RETRY_DELAYS_MS = [200, 500, 1000, 2000, 4000];

export function connectEngine(options: EngineClientOptions): EngineClient {
  let port: Browser.runtime.Port | null = null;
  let closed = false;
  let attempt = 0;

  async function open() {
    try {
      const reply = (await browser.runtime.sendMessage({ type: 'ensure-engine' })) as BackgroundReply | undefined;
      if (!reply?.ok) throw new Error(reply ? reply.error : 'the background did not answer');
      if (closed) return;
      port = browser.runtime.connect({ name: ENGINE_PORT });
      port.onMessage.addListener((message: unknown) => {
        attempt = 0;
        try {
          options.onEvent(parse(engineEvent, message, 'engine event'));
        } catch (error) {
          console.warn('FaceReady: rejected engine event', error);
        }
      });
      port.onDisconnect.addListener(() => {
        port = null;
        options.onConnectionChange(false);
        retry('the analysis engine closed');
      });
      options.onConnectionChange(true);
    } catch (error) {
      retry(error instanceof Error ? error.message : String(error));
    }
  }

  function retry(reason: string) {
    if (closed) return;
    const delay = RETRY_DELAYS_MS[attempt++];
    if (delay === undefined) {
      options.onFailure(`cannot reach the analysis engine (${reason})`);
      return;
    }
    setTimeout(open, delay);
  }

  void open();
  return {
    send(request) {
      if (!port) return false;
      port.postMessage(request);
      return true;
    },
    close() {
      closed = true;
      port?.disconnect();
      port = null;
    },
  };
}
