import { BACKEND_CHOICES, type BackendChoice } from '@/src/engine/backend';
import { createAnalysisEngine } from '@/src/engine/engine';
import { serveEngine } from '@/src/engine/serve-engine';

// Offscreen documents get no storage API, so the background passes the backend setting in the URL.
const requested = new URLSearchParams(location.search).get('backend') as BackendChoice | null;
const backend = requested && BACKEND_CHOICES.includes(requested) ? requested : 'auto';

serveEngine({
  start: (how) => createAnalysisEngine({ backend, assetUrl: (path) => browser.runtime.getURL(`/${path}` as '/'), ...how }),
});
