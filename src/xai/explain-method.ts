/** Which explanation "Explain" computes (kept apart from ./explain-set.ts so settings pages do not bundle TF.js). */
export type ExplainMethod = 'gradcam' | 'lime' | 'combined' | 'all';
export const EXPLAIN_METHODS: readonly ExplainMethod[] = ['combined', 'gradcam', 'lime', 'all'];

/**
 * How LIME runs: `fast` (the default: 112 forwards, under an eighth of the reference's, fitted to estimate the
 * reference's own surrogate) or `reference` (the paper's: 1000 random samples, kernel-weighted ridge).
 */
export type LimeMode = 'fast' | 'reference';
export const LIME_MODES: readonly LimeMode[] = ['fast', 'reference'];
