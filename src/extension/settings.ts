/**
 * User settings, kept in extension storage (WXT storage items, typed, with defaults; reads are validated),
 * with an administrator's policy applied on top (./policy-item.ts, docs/admin.md).
 */
import { storage } from '#imports';
import { pickLocale, type Locale } from '../i18n/translate';
import type { ProfileId } from '../workflow/types';
import type { BackendChoice } from '../engine/backend-choice';
import type { ExplainMethod } from '../xai/explain-method';
import {
  DEFAULT_SETTINGS,
  validBackendChoice,
  validExplainMethod,
  validLimeSamples,
  validOrigins,
  validProfile,
  validSamplingFps,
  validSiteProfiles,
  validSiteRoles,
  validUiLanguage,
  type SiteRole,
  type UiLanguage,
} from './setting-values';
import { mergeOrigins, mergePerSite } from './managed-policy';
import { withPolicy } from './policy-item';
import { validatedItem } from './validated-item';

/** Origins (e.g. "https://consult.example.org") the user enabled FaceReady on. */
export const enabledOrigins = withPolicy(validatedItem(storage.defineItem<string[]>('local:enabledOrigins', { fallback: DEFAULT_SETTINGS.enabledOrigins }), validOrigins), 'enabledOrigins', mergeOrigins);

/** Frames sampled per second from the camera. */
export const samplingFps = withPolicy(validatedItem(storage.defineItem<number>('local:samplingFps', { fallback: DEFAULT_SETTINGS.samplingFps }), validSamplingFps), 'samplingFps');

/** Which TF.js backend the engine uses; "auto" picks by the kind of WebGL (src/engine/backend.ts). */
export const backendChoice = withPolicy(validatedItem(storage.defineItem<BackendChoice>('local:backendChoice', { fallback: DEFAULT_SETTINGS.backendChoice }), validBackendChoice), 'backendChoice');

/** The explanation "Explain" computes by default (the paper's combined Grad-CAM + LIME). */
export const explainMethod = withPolicy(validatedItem(storage.defineItem<ExplainMethod>('local:explainMethod', { fallback: DEFAULT_SETTINGS.explainMethod }), validExplainMethod), 'explainMethod');

/** LIME's perturbed samples per explanation (the paper: 1000). */
export const limeSamples = withPolicy(validatedItem(storage.defineItem<number>('local:limeSamples', { fallback: DEFAULT_SETTINGS.limeSamples }), validLimeSamples), 'limeSamples');

/** The interface language: "auto" follows the browser's preferred languages (src/i18n/translate.ts). */
export const uiLanguage = withPolicy(validatedItem(storage.defineItem<UiLanguage>('local:uiLanguage', { fallback: DEFAULT_SETTINGS.uiLanguage }), validUiLanguage), 'uiLanguage');

/** The language FaceReady speaks in this context: the user's choice, else the browser's. */
export async function currentLocale(): Promise<Locale> {
  const choice = await uiLanguage.getValue();
  return choice === 'auto' ? pickLocale(navigator.languages) : choice;
}

/** The workflow profile used where the user has not chosen one for the site. */
export const defaultProfile = withPolicy(validatedItem(storage.defineItem<ProfileId>('local:defaultProfile', { fallback: DEFAULT_SETTINGS.defaultProfile }), validProfile), 'defaultProfile');

/** The profile the user last chose on each origin (remembered per site). */
export const siteProfiles = withPolicy(validatedItem(storage.defineItem<Record<string, ProfileId>>('local:siteProfiles', { fallback: DEFAULT_SETTINGS.siteProfiles }), validSiteProfiles), 'siteProfiles', mergePerSite);

export async function profileForOrigin(origin: string): Promise<ProfileId> {
  return (await siteProfiles.getValue())[origin] ?? (await defaultProfile.getValue());
}

export async function rememberSiteProfile(origin: string, profile: ProfileId): Promise<void> {
  await siteProfiles.setValue({ ...(await siteProfiles.getUserValue()), [origin]: profile });
}

export async function forgetSiteProfile(origin: string): Promise<void> {
  const { [origin]: _forgotten, ...rest } = await siteProfiles.getUserValue();
  await siteProfiles.setValue(rest);
}

/** Sites where the user chose the doctor's role (the remote participant is checked first); remembered per site. */
export const siteRoles = withPolicy(validatedItem(storage.defineItem<Record<string, SiteRole>>('local:siteRoles', { fallback: DEFAULT_SETTINGS.siteRoles }), validSiteRoles), 'siteRoles', mergePerSite);

export async function roleForOrigin(origin: string): Promise<SiteRole> {
  return (await siteRoles.getValue())[origin] ?? 'patient';
}

export async function rememberSiteRole(origin: string, role: SiteRole): Promise<void> {
  await siteRoles.setValue({ ...(await siteRoles.getUserValue()), [origin]: role });
}
