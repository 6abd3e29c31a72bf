// Imports are hoisted, so this runs once every module of the bundle has been evaluated (bench:restart reads it).
performance.mark('faceready:bundle evaluated');
import { BACKEND_CHOICES, parseRememberedWebglProbe, WEBGL_PROBE_PARAM, type BackendChoice } from '@/src/engine/backend-choice';
import { serveAnalysisEngine } from '@/src/extension/engine-host';
import { reportWebglProbe } from '@/src/extension/webgl-probe-memory';

// Offscreen documents get no storage API, so the background passes the backend setting, and the
// WebGL probe an earlier engine of this browser session made, in the URL.
const params = new URLSearchParams(location.search);
const requested = params.get('backend') as BackendChoice | null;
serveAnalysisEngine(requested && BACKEND_CHOICES.includes(requested) ? requested : 'auto', {
  webglProbe: parseRememberedWebglProbe(params.get(WEBGL_PROBE_PARAM)),
  onWebglProbed: reportWebglProbe,
});
