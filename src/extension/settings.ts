/** User settings, kept in extension storage (WXT storage items, typed, with defaults). */
import { storage } from '#imports';
import { DEFAULT_SAMPLING } from '../capture/sampling';
import { pickLocale, type Locale } from '../i18n/translate';
import type { ProfileId } from '../workflow/types';
import type { BackendChoice } from '../engine/backend';
import type { ExplainMethod } from '../xai/explain-set';
import { DEFAULT_LIME_OPTIONS } from '../xai/lime';

/** Origins (e.g. "https://consult.example.org") the user enabled FaceReady on. */
export const enabledOrigins = storage.defineItem<string[]>('local:enabledOrigins', { fallback: [] });

/** Frames sampled per second from the camera. */
export const samplingFps = storage.defineItem<number>('local:samplingFps', { fallback: DEFAULT_SAMPLING.fps });

/** Which TF.js backend the engine uses; "auto" picks by the kind of WebGL (src/engine/backend.ts). */
export const backendChoice = storage.defineItem<BackendChoice>('local:backendChoice', { fallback: 'auto' });

/** The explanation "Explain" computes by default (the paper's combined Grad-CAM + LIME). */
export const explainMethod = storage.defineItem<ExplainMethod>('local:explainMethod', { fallback: 'combined' });

/** LIME's perturbed samples per explanation (the paper: 1000). */
export const limeSamples = storage.defineItem<number>('local:limeSamples', { fallback: DEFAULT_LIME_OPTIONS.numSamples });

/** The interface language: "auto" follows the browser's preferred languages (src/i18n/translate.ts). */
export const uiLanguage = storage.defineItem<Locale | 'auto'>('local:uiLanguage', { fallback: 'auto' });

/** The language FaceReady speaks in this context: the user's choice, else the browser's. */
export async function currentLocale(): Promise<Locale> {
  const choice = await uiLanguage.getValue();
  return choice === 'auto' ? pickLocale(navigator.languages) : choice;
}

/** The workflow profile used where the user has not chosen one for the site. */
export const defaultProfile = storage.defineItem<ProfileId>('local:defaultProfile', { fallback: 'consult' });

/** The profile the user last chose on each origin (remembered per site). */
export const siteProfiles = storage.defineItem<Record<string, ProfileId>>('local:siteProfiles', { fallback: {} });

export async function profileForOrigin(origin: string): Promise<ProfileId> {
  return (await siteProfiles.getValue())[origin] ?? (await defaultProfile.getValue());
}

export async function rememberSiteProfile(origin: string, profile: ProfileId): Promise<void> {
  await siteProfiles.setValue({ ...(await siteProfiles.getValue()), [origin]: profile });
}
