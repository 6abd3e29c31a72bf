/** User settings, kept in extension storage (WXT storage items, typed, with defaults). */
import { storage } from '#imports';
import { DEFAULT_SAMPLING } from '../capture/sampling';
import type { BackendChoice } from '../engine/backend';

/** Origins (e.g. "https://consult.example.org") the user enabled FaceReady on. */
export const enabledOrigins = storage.defineItem<string[]>('local:enabledOrigins', { fallback: [] });

/** Frames sampled per second from the camera. */
export const samplingFps = storage.defineItem<number>('local:samplingFps', { fallback: DEFAULT_SAMPLING.fps });

/** Which TF.js backend the engine uses; "auto" picks by the kind of WebGL (src/engine/backend.ts). */
export const backendChoice = storage.defineItem<BackendChoice>('local:backendChoice', { fallback: 'auto' });
