/** User settings, kept in extension storage (WXT storage items, typed, with defaults). */
import { storage } from '#imports';
import { DEFAULT_SAMPLING } from '../capture/sampling';

/** Origins (e.g. "https://consult.example.org") the user enabled FaceReady on. */
export const enabledOrigins = storage.defineItem<string[]>('local:enabledOrigins', { fallback: [] });

/** Frames sampled per second from the camera. */
export const samplingFps = storage.defineItem<number>('local:samplingFps', { fallback: DEFAULT_SAMPLING.fps });
