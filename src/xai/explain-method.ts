/** Which explanation "Explain" computes (kept apart from ./explain-set.ts so settings pages do not bundle TF.js). */
export type ExplainMethod = 'gradcam' | 'lime' | 'combined' | 'all';
export const EXPLAIN_METHODS: readonly ExplainMethod[] = ['combined', 'gradcam', 'lime', 'all'];

/**
 * How LIME samples: `fast` (the default: a balanced design of complementary pairs, a tenth of the
 * forwards) or `reference` (the paper's: 1000 independent random samples).
 */
export type LimeMode = 'fast' | 'reference';
export const LIME_MODES: readonly LimeMode[] = ['fast', 'reference'];
