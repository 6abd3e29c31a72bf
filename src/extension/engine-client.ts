/**
 * The overlay's connection to the offscreen analysis engine: asks the background to make sure the
 * engine exists, opens a port to it, validates every event, and reconnects when the offscreen
 * document goes away (the background recreates it on the next ensure-engine). It backs off but
 * never gives up while its page is open; it stops only when the extension itself is gone
 * (disabled, updated, or crashed with its process), which no retry from this side can undo.
 */
import { browser } from 'wxt/browser';
import { parse } from '../protocol/check';
import { errorText } from '../error-text';
import type { ConnectEngine } from '../protocol/engine-connection';
import { ENGINE_PORT, engineEvent, type BackgroundReply, type EngineEvent } from '../protocol/messages';

/** Delays before each reconnect; the last one repeats for as long as the page stays open. */
export const RETRY_DELAYS_MS = [200, 500, 1000, 2000, 4000] as const;
/** After this many failed attempts in a row the user is told (the client keeps trying). */
export const ATTEMPTS_BEFORE_FAILURE = RETRY_DELAYS_MS.length;

/** While disconnected, how often the client checks whether the extension itself is gone (the user must hear within 1 s). */
export const CONTEXT_POLL_MS = 100;
/** An ensure-engine the background never answers (it died mid-call) counts as a failed attempt after this long. */
export const ENSURE_TIMEOUT_MS = 5_000;
/**
 * A dropped port is reported this long after the fact, unless the extension turned out to be gone:
 * then the user hears "FaceReady stopped" straight after the last verdict, with no "Loading…" between.
 * (The reconnect does not wait for it; a reconnect within the grace reports the drop first.)
 */
export const DISCONNECT_GRACE_MS = 300;
/**
 * A connection that lasted this long and then dropped was a working engine that went away (closed by
 * the browser, or its settings changed): the first reconnect goes at once, without a back-off wait.
 * One that drops sooner is failing, and reconnects back off as after any failure.
 */
export const STABLE_CONNECTION_MS = 1_000;

/** Whether this content script still belongs to a live extension (Chrome clears runtime.id when it does not). */
export const extensionContextAlive = (): boolean => {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
};

export const connectEngine: ConnectEngine = (options) => {
  let port: Browser.runtime.Port | null = null;
  let closed = false;
  let lost = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** A dropped port not reported yet (the grace), and its timer. */
  let dropPending = false;
  let dropTimer: ReturnType<typeof setTimeout> | undefined;
  let contextPoll: ReturnType<typeof setInterval> | undefined;

  function contextLost(): boolean {
    if (lost) return true;
    if (extensionContextAlive()) return false;
    markLost();
    return true;
  }
  /** Nothing can reconnect now: stop every timer, and say so (never "disconnected" first). */
  function markLost() {
    lost = true;
    stopContextPoll();
    clearTimeout(timer);
    cancelDropReport();
    options.onContextLost();
  }
  function stopContextPoll() {
    clearInterval(contextPoll);
    contextPoll = undefined;
  }
  function cancelDropReport() {
    clearTimeout(dropTimer);
    dropPending = false;
  }
  function reportDrop() {
    if (!dropPending) return;
    cancelDropReport();
    options.onConnectionChange(false);
  }

  async function open() {
    timer = undefined;
    if (closed || contextLost()) return;
    try {
      let waited: ReturnType<typeof setTimeout> | undefined;
      const silence = new Promise<never>((_, reject) => {
        waited = setTimeout(() => reject(new Error('the background did not answer')), ENSURE_TIMEOUT_MS);
      });
      const reply = (await Promise.race([browser.runtime.sendMessage({ type: 'ensure-engine' }), silence]).finally(() => clearTimeout(waited))) as BackgroundReply | undefined;
      if (!reply?.ok) throw new Error(reply ? reply.error : 'the background did not answer');
      if (closed || lost) return;
      const opened = browser.runtime.connect({ name: ENGINE_PORT });
      const openedAt = Date.now();
      port = opened;
      opened.onMessage.addListener((message: unknown) => {
        attempt = 0;
        let event: EngineEvent;
        try {
          event = parse(engineEvent, message, 'engine event');
        } catch (error) {
          console.warn('FaceReady: rejected engine event', error);
          const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
          return options.onInvalidEvent(errorText(error), type);
        }
        options.onEvent(event);
      });
      opened.onDisconnect.addListener(() => {
        if (port !== opened) return;
        port = null;
        // A crash that takes the extension down clears runtime.id a moment after the port drops; calls may hang meanwhile.
        if (contextLost()) return;
        contextPoll ??= setInterval(contextLost, CONTEXT_POLL_MS);
        dropPending = true;
        dropTimer = setTimeout(reportDrop, DISCONNECT_GRACE_MS);
        if (Date.now() - openedAt >= STABLE_CONNECTION_MS) void open();
        else retry('the analysis engine closed');
      });
      stopContextPoll();
      // Said in order: a drop still in its grace, then the new connection.
      reportDrop();
      options.onConnectionChange(true);
    } catch (error) {
      retry(errorText(error));
    }
  }

  function retry(reason: string) {
    // Some Chrome versions reject calls before clearing runtime.id; the words are Chrome's own.
    if (/extension context invalidated/i.test(reason) && !lost) markLost();
    if (closed || contextLost()) return;
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
    attempt++;
    if (attempt === ATTEMPTS_BEFORE_FAILURE) options.onFailure(`cannot reach the analysis engine (${reason}); still trying`);
    timer = setTimeout(open, delay);
  }

  void open();
  return {
    send(request) {
      if (!port) return false;
      try {
        port.postMessage(request);
        return true;
      } catch {
        // The port died between its disconnect and our noticing (or the extension went away).
        contextLost();
        return false;
      }
    },
    close() {
      closed = true;
      clearTimeout(timer);
      cancelDropReport();
      stopContextPoll();
      const open = port;
      port = null;
      try {
        open?.disconnect();
      } catch {
        // Already gone with the extension context.
      }
    },
  };
};
