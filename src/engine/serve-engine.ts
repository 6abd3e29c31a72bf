/**
 * Serves the analysis engine to overlays over runtime ports. The engine starts once per offscreen
 * document; each connecting overlay is told its state straight away and on every change. Per port,
 * the engine remembers the last analysed frame, which is what "Explain" explains.
 *
 * Reliability: a start that fails (a missing or corrupt model file, a timeout) is reported at once,
 * naming the file, and retried with backoff; a lost WebGL context replaces the engine with one on
 * WASM. Fairness: one engine serves every tab, so frames are analysed one at a time, round-robin
 * over the ports, with at most one frame waiting per port (a newer one replaces it): a tab that
 * floods cannot starve another.
 */
import { browser } from 'wxt/browser';
import { wallClockMs } from '../clock';
import { errorText } from '../error-text';
import { CLASS_NAMES } from '../model/classifier/constants';
import { parse } from '../protocol/check';
import { encodeExplanation, encodeImage } from '../protocol/explanation-wire';
import { ENGINE_PORT, engineRequest, EXPLAIN_LIMITS, type EngineEvent, type EngineRequest, type EngineState, type WireFrame } from '../protocol/messages';
import { ownExtension, senderRole } from '../protocol/sender';
import type { AnalysisEngine, ExplainSubject } from './engine';

type Port = Browser.runtime.Port;
type ExplainRequest = Extract<EngineRequest, { type: 'explain' }>;

/** How the server asks for an engine: `avoidWebgl` after a lost context; `onWebglContextLost` tells it this one died. */
export interface EngineStart {
  avoidWebgl: boolean;
  onWebglContextLost(): void;
}

export interface ServeEngineOptions {
  start(how: EngineStart): Promise<AnalysisEngine>;
  /** Waits before each new start after a failed one; the last repeats. */
  retryDelaysMs?: readonly number[];
}

export const START_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16000, 30000] as const;

/** A running server. Its host stops it to start afresh (Firefox's background page, where no document can be closed instead). */
export interface ServedEngine {
  /** Disconnects every client (they reconnect), disposes the engine and abandons its work and retries. */
  stop(): void;
}

export function serveEngine({ start, retryDelaysMs = START_RETRY_DELAYS_MS }: ServeEngineOptions): ServedEngine {
  let stopped = false;
  const ports = new Set<Port>();
  const lastSubject = new WeakMap<Port, ExplainSubject>();
  // Face tracks are kept per sender: two tabs may both call their camera stream "camera-1".
  const senderIds = new WeakMap<Port, string>();
  let senders = 0;
  const explaining = new WeakMap<Port, { requestId: number; controller: AbortController }>();
  /** One waiting frame per port; a Map keeps insertion order, and a replaced frame goes to the back: round-robin. */
  const waiting = new Map<Port, { frame: WireFrame; receivedAt: number }>();
  /** The running pump (null: none) and the frame it is on; a lost engine abandons both, since its pending work may never settle. */
  let pumping: symbol | null = null;
  let current: { port: Port; frameId: number } | null = null;
  let state: EngineState = { state: 'loading' };
  let engine: AnalysisEngine | null = null;
  let failedStarts = 0;
  let avoidWebgl = false;

  const send = (port: Port, event: EngineEvent) => {
    if (!ports.has(port)) return;
    try {
      port.postMessage(event);
    } catch {
      // The other end went away between its disconnect and this answer.
    }
  };
  const setState = (next: EngineState) => {
    state = next;
    ports.forEach((port) => send(port, { type: 'engine-state', state }));
  };
  const ready = () => {
    if (!engine) throw new Error(state.state === 'error' ? state.error : 'the engine is still loading');
    return engine;
  };

  function launch() {
    if (stopped) return;
    let lost = false;
    const onWebglContextLost = () => {
      if (lost) return;
      lost = true;
      const dead = engine;
      engine = null;
      try {
        dead?.dispose();
      } catch {
        // Its tensors lived in the lost context.
      }
      avoidWebgl = true;
      if (current) send(current.port, { type: 'analysis-error', frameId: current.frameId, error: 'the analysis engine restarted' });
      current = null;
      pumping = null;
      setState({ state: 'loading' });
      launch();
    };
    start({ avoidWebgl, onWebglContextLost }).then(
      (started) => {
        if (stopped) return started.dispose();
        failedStarts = 0;
        engine = started;
        setState({ state: 'ready', backend: started.backend, ...(avoidWebgl ? { webglLost: true } : {}) });
        void pump();
      },
      (error: unknown) => {
        // Shown at once (the user learns which file failed), and tried again: a file being replaced, or a busy machine, can recover.
        setState({ state: 'error', error: errorText(error) });
        const delay = retryDelaysMs[Math.min(failedStarts++, retryDelaysMs.length - 1)];
        setTimeout(launch, delay);
      },
    );
  }
  launch();

  function enqueue(port: Port, frame: WireFrame, receivedAt: number) {
    const replaced = waiting.get(port);
    // Answered, so a client waiting on that frame is never left hanging.
    if (replaced) send(port, { type: 'analysis-error', frameId: replaced.frame.frameId, error: 'replaced by a newer frame' });
    waiting.delete(port);
    waiting.set(port, { frame, receivedAt });
    void pump();
  }

  /** Analyses waiting frames one at a time, taking the port that has waited longest first. */
  async function pump() {
    if (pumping) return;
    const run = Symbol('pump');
    pumping = run;
    try {
      for (const [port, job] of waiting) {
        waiting.delete(port);
        current = { port, frameId: job.frame.frameId };
        await analyze(port, job.frame, job.receivedAt);
        if (pumping !== run) return;
        current = null;
      }
    } finally {
      if (pumping === run) pumping = null;
    }
  }

  async function analyze(port: Port, frame: WireFrame, receivedAt: number) {
    try {
      const { analysis, subject } = await ready().analyze(frame, receivedAt, senderIds.get(port)!);
      lastSubject.set(port, subject);
      send(port, { type: 'analysis', analysis });
    } catch (error) {
      send(port, { type: 'analysis-error', frameId: frame.frameId, error: errorText(error) });
    }
  }

  async function explain(port: Port, request: ExplainRequest) {
    const { requestId } = request;
    const controller = new AbortController();
    explaining.get(port)?.controller.abort();
    explaining.set(port, { requestId, controller });
    const started = performance.now();
    try {
      const subject = lastSubject.get(port);
      if (!subject) throw new Error('no frame has been analysed yet');
      if (!(request.limeSamples >= EXPLAIN_LIMITS.minSamples && request.limeSamples <= EXPLAIN_LIMITS.maxSamples)) {
        throw new Error(`LIME samples must be ${EXPLAIN_LIMITS.minSamples}–${EXPLAIN_LIMITS.maxSamples}, got ${request.limeSamples}`);
      }
      const image = ready().explainedImage(subject);
      send(port, { type: 'explain-started', requestId, frame: encodeImage(image) });
      const set = await ready().explain(image, {
        method: request.method,
        limeMode: request.limeMode,
        limeSamples: Math.round(request.limeSamples),
        onPartial: (partial) => send(port, { type: 'explain-partial', requestId, explanation: encodeExplanation(partial) }),
        signal: controller.signal,
        onProgress: (method, p) => send(port, { type: 'explain-progress', requestId, method, stage: p.stage, fraction: p.fraction }),
      });
      const first = set.combined ?? set.gradcam ?? set.lime!;
      const predicted = { name: CLASS_NAMES[first.target] ?? String(first.target), probability: first.probabilities[first.target] };
      send(port, { type: 'explanation', requestId, explanation: encodeExplanation(set), predicted, ms: performance.now() - started });
    } catch (error) {
      send(port, { type: 'explain-error', requestId, error: controller.signal.aborted ? 'cancelled' : errorText(error), cancelled: controller.signal.aborted });
    } finally {
      if (explaining.get(port)?.requestId === requestId) explaining.delete(port);
    }
  }

  const extension = ownExtension(browser.runtime);
  const onConnect = (port: Port) => {
    // Only FaceReady's own pages and content scripts may use the engine.
    if (port.name !== ENGINE_PORT || senderRole(port.sender, extension) === 'foreign') return;
    ports.add(port);
    senderIds.set(port, String(++senders));
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      waiting.delete(port);
      explaining.get(port)?.controller.abort();
    });
    send(port, { type: 'engine-state', state });
    port.onMessage.addListener((message: unknown) => {
      const receivedAt = wallClockMs();
      let request: EngineRequest;
      try {
        request = parse(engineRequest, message, 'engine request');
      } catch (error) {
        // Answered like a failed frame, so an overlay waiting on its in-flight frame never hangs.
        send(port, { type: 'analysis-error', frameId: -1, error: `rejected request: ${errorText(error)}` });
        return;
      }
      switch (request.type) {
        case 'analyze':
          return enqueue(port, request.frame, receivedAt);
        case 'explain':
          return void explain(port, request);
        case 'cancel-explain': {
          const running = explaining.get(port);
          if (running?.requestId === request.requestId) running.controller.abort();
          return;
        }
        case 'memory': {
          const memory = engine?.memory();
          return send(port, { type: 'memory', tensors: memory?.tensors ?? null, bytes: memory?.bytes ?? null });
        }
      }
    });
  };
  browser.runtime.onConnect.addListener(onConnect);
  return {
    stop() {
      stopped = true;
      browser.runtime.onConnect.removeListener(onConnect);
      for (const port of ports) {
        explaining.get(port)?.controller.abort();
        port.disconnect();
      }
      ports.clear();
      waiting.clear();
      pumping = null;
      current = null;
      try {
        engine?.dispose();
      } catch {
        // Work still running on it fails, unanswered: its ports are gone.
      }
      engine = null;
    },
  };
}
