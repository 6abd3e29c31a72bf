/** The TF.js backends the engine can run on, and the user's choice among them (kept apart from ./backend.ts so settings pages do not bundle TF.js). */
export type BackendName = 'webgl' | 'wasm' | 'cpu';
export type BackendChoice = BackendName | 'auto';
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'webgl', 'wasm', 'cpu'];
