/** The TF.js backends the engine can run on, and the user's choice among them (kept apart from ./backend.ts so settings pages do not bundle TF.js). */
import { MAX_WEBGL_RENDERER_LENGTH } from '../protocol/messages';

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export type BackendChoice = BackendName | 'auto';
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'webgl', 'wasm', 'cpu'];

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Whether a WebGL renderer string names a software rasteriser (slower than WASM, to start and per frame). */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/**
 * Whether a WebGL probe's result (the renderer, null: no WebGL) may be remembered for the rest of the
 * browser session, so that a restarted engine skips the probe. Only results that put WASM first under
 * `auto` are: within a session Chromium only ever falls back from a GPU to software, never the other
 * way, so "no WebGL" or "software" still holds later; a GPU's result is not kept (TF.js's WebGL start
 * dwarfs the probe there).
 */
export function rememberableWebglProbe(renderer: unknown): renderer is string | null {
  return renderer === null || (typeof renderer === 'string' && renderer.length <= MAX_WEBGL_RENDERER_LENGTH && isSoftwareRenderer(renderer));
}

/** How a remembered probe travels in the offscreen document's URL (JSON: a renderer string, or null). */
export const WEBGL_PROBE_PARAM = 'webglProbe';

/** Longest parameter parsed: a renderer's JSON string, with its quotes and room for a few escapes, before JSON.parse sees it. */
const MAX_PROBE_PARAM_LENGTH = MAX_WEBGL_RENDERER_LENGTH + 16;

/** A remembered probe read back from the URL parameter, validated; undefined (probe again) when absent or not valid. */
export function parseRememberedWebglProbe(param: string | null): { renderer: string | null } | undefined {
  if (param === null || param.length > MAX_PROBE_PARAM_LENGTH) return undefined;
  let renderer: unknown;
  try {
    renderer = JSON.parse(param);
  } catch {
    return undefined;
  }
  return rememberableWebglProbe(renderer) ? { renderer } : undefined;
}
