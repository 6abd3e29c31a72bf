/** Which explanation "Explain" computes (kept apart from ./explain-set.ts so settings pages do not bundle TF.js). */
export type ExplainMethod = 'gradcam' | 'lime' | 'combined' | 'all';
export const EXPLAIN_METHODS: readonly ExplainMethod[] = ['combined', 'gradcam', 'lime', 'all'];
