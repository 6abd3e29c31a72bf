/**
 * Where the analysis engine runs, behind one small interface the background uses. Chromium hosts it
 * in an offscreen document (its background is a service worker, without WebGL or a DOM);
 * Firefox has no offscreen API, but its background is an event page with a DOM, so the engine runs
 * there (background-page-engine.ts). Both serve the very same engine (`serveAnalysisEngine`).
 */
import { browser } from 'wxt/browser';
import type { BackendChoice } from '../engine/backend';
import { createAnalysisEngine, type AnalysisEngineOptions } from '../engine/engine';
import { serveEngine, type ServedEngine } from '../engine/serve-engine';

export interface EngineHost {
  /** Starts the engine if it is not running (the overlays' and check page's `ensure-engine`). */
  ensure(): Promise<void>;
  /** Stops the engine; its clients reconnect and the next `ensure` starts it with the current settings. */
  restart(): Promise<void>;
}

/** Serves the analysis engine, on this backend, to FaceReady's ports from the current extension context. */
export function serveAnalysisEngine(backend: BackendChoice, probe: Pick<AnalysisEngineOptions, 'webglProbe' | 'onWebglProbed'> = {}): ServedEngine {
  return serveEngine({
    start: (how) => createAnalysisEngine({ backend, assetUrl: (path) => browser.runtime.getURL(`/${path}` as '/'), ...probe, ...how }),
  });
}
