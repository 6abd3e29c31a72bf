import { createAnalysisEngine } from '@/src/engine/engine';
import { serveEngine } from '@/src/engine/serve-engine';

serveEngine(() => createAnalysisEngine({ assetUrl: (path) => browser.runtime.getURL(`/${path}` as '/') }));
