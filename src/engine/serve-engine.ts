/**
 * Serves the analysis engine to overlays over runtime ports. The engine starts once per offscreen
 * document; each connecting overlay is told its state straight away and on every change. Per port,
 * the engine remembers the last analysed frame, which is what "Explain" explains.
 */
import { browser } from 'wxt/browser';
import { wallClockMs } from '../clock';
import { CLASS_NAMES } from '../model/classifier/constants';
import { parse } from '../protocol/check';
import { encodeExplanation, encodeImage } from '../protocol/explanation-wire';
import { ENGINE_PORT, engineRequest, EXPLAIN_LIMITS, type EngineEvent, type EngineRequest, type EngineState } from '../protocol/messages';
import { ownExtension, senderRole } from '../protocol/sender';
import type { AnalysisEngine, ExplainSubject } from './engine';

type Port = Browser.runtime.Port;
type ExplainRequest = Extract<EngineRequest, { type: 'explain' }>;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function serveEngine(start: () => Promise<AnalysisEngine>): void {
  const ports = new Set<Port>();
  const lastSubject = new WeakMap<Port, ExplainSubject>();
  const explaining = new WeakMap<Port, { requestId: number; controller: AbortController }>();
  let state: EngineState = { state: 'loading' };
  let engine: AnalysisEngine | null = null;

  const send = (port: Port, event: EngineEvent) => {
    if (ports.has(port)) port.postMessage(event);
  };
  const setState = (next: EngineState) => {
    state = next;
    ports.forEach((port) => send(port, { type: 'engine-state', state }));
  };
  const ready = () => {
    if (!engine) throw new Error(state.state === 'error' ? state.error : 'the engine is still loading');
    return engine;
  };

  start().then(
    (started) => {
      engine = started;
      setState({ state: 'ready', backend: started.backend });
    },
    (error: unknown) => setState({ state: 'error', error: errorText(error) }),
  );

  async function analyze(port: Port, frame: Extract<EngineRequest, { type: 'analyze' }>['frame'], receivedAt: number) {
    try {
      const { analysis, subject } = await ready().analyze(frame, receivedAt);
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
        lime: { numSamples: Math.round(request.limeSamples) },
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
  browser.runtime.onConnect.addListener((port) => {
    // Only FaceReady's own pages and content scripts may use the engine.
    if (port.name !== ENGINE_PORT || senderRole(port.sender, extension) === 'foreign') return;
    ports.add(port);
    port.onDisconnect.addListener(() => {
      ports.delete(port);
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
          return void analyze(port, request.frame, receivedAt);
        case 'explain':
          return void explain(port, request);
        case 'cancel-explain': {
          const running = explaining.get(port);
          if (running?.requestId === request.requestId) running.controller.abort();
          return;
        }
      }
    });
  });
}
