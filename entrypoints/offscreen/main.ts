import { BACKEND_CHOICES, type BackendChoice } from '@/src/engine/backend';
import { serveAnalysisEngine } from '@/src/extension/engine-host';

// Offscreen documents get no storage API, so the background passes the backend setting in the URL.
const requested = new URLSearchParams(location.search).get('backend') as BackendChoice | null;
serveAnalysisEngine(requested && BACKEND_CHOICES.includes(requested) ? requested : 'auto');
