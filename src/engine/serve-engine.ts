/**
 * Serves the analysis engine to overlays over runtime ports. The engine starts once per offscreen
 * document; each connecting overlay is told its state straight away and on every change.
 */
import { browser } from 'wxt/browser';
import { wallClockMs } from '../clock';
import { parse } from '../protocol/check';
import { ENGINE_PORT, engineRequest, type EngineEvent, type EngineState } from '../protocol/messages';
import type { AnalysisEngine } from './engine';

export function serveEngine(start: () => Promise<AnalysisEngine>): void {
  const ports = new Set<Browser.runtime.Port>();
  let state: EngineState = { state: 'loading' };
  let engine: AnalysisEngine | null = null;

  const broadcast = (event: EngineEvent) => ports.forEach((port) => port.postMessage(event));
  const setState = (next: EngineState) => {
    state = next;
    broadcast({ type: 'engine-state', state });
  };

  start().then(
    (ready) => {
      engine = ready;
      setState({ state: 'ready', backend: ready.backend });
    },
    (error: unknown) => setState({ state: 'error', error: error instanceof Error ? error.message : String(error) }),
  );

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== ENGINE_PORT) return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    port.postMessage({ type: 'engine-state', state } satisfies EngineEvent);
    port.onMessage.addListener(async (message: unknown) => {
      const receivedAt = wallClockMs();
      let frameId = -1;
      try {
        const request = parse(engineRequest, message, 'engine request');
        frameId = request.frame.frameId;
        if (!engine) throw new Error(state.state === 'error' ? state.error : 'the engine is still loading');
        const analysis = await engine.analyze(request.frame, receivedAt);
        if (ports.has(port)) port.postMessage({ type: 'analysis', analysis } satisfies EngineEvent);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        if (ports.has(port)) port.postMessage({ type: 'analysis-error', frameId, error: text } satisfies EngineEvent);
      }
    });
  });
}
