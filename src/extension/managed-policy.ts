/**
 * Settings an administrator pre-sets by enterprise policy (chrome.storage.managed, schema in
 * public/managed_schema.json, docs/admin.md). Pure: what a policy may hold and how it meets the
 * user's own settings. A managed value wins; enabled sites and per-site profiles are merged, the
 * administrator's entries winning. A policy value that does not fit is ignored, never half-applied.
 */
import {
  validBackendChoice,
  validExplainMethod,
  validLimeSamples,
  validOrigins,
  validProfile,
  validSamplingFps,
  validSiteProfiles,
  validSiteRoles,
  validUiLanguage,
  type Settings,
} from './setting-values';

export type ManagedPolicy = Partial<Settings>;

/** A scalar policy value counts only if its validator keeps it as it is (a validator turns a bad value into the default). */
const scalar =
  <T>(validate: (value: unknown) => T) =>
  (value: unknown): T | undefined =>
    validate(value) === value ? (value as T) : undefined;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const POLICY_READERS: { [K in keyof Settings]: (value: unknown) => Settings[K] | undefined } = {
  enabledOrigins: (value) => (Array.isArray(value) ? validOrigins(value) : undefined),
  samplingFps: scalar(validSamplingFps),
  backendChoice: scalar(validBackendChoice),
  explainMethod: scalar(validExplainMethod),
  limeSamples: scalar(validLimeSamples),
  uiLanguage: scalar(validUiLanguage),
  defaultProfile: scalar(validProfile),
  siteProfiles: (value) => (isRecord(value) ? validSiteProfiles(value) : undefined),
  siteRoles: (value) => (isRecord(value) ? validSiteRoles(value) : undefined),
};

/** The known, valid settings of a managed-storage object; anything else in it is dropped. */
export function validManagedPolicy(raw: unknown): ManagedPolicy {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const policy: Record<string, unknown> = {};
  for (const key of Object.keys(POLICY_READERS) as (keyof Settings)[]) {
    if (!Object.hasOwn(raw, key)) continue;
    const value = POLICY_READERS[key]((raw as Record<string, unknown>)[key]);
    if (value !== undefined) policy[key] = value;
  }
  return policy as ManagedPolicy;
}

/** How a setting's managed value meets the user's: by default the administrator's value replaces it. */
export type PolicyMerge<T> = (user: T, managed: T | undefined) => T;

export const preferManaged = <T>(user: T, managed: T | undefined): T => (managed === undefined ? user : managed);

/** The administrator's sites first, then the user's own. */
export const mergeOrigins: PolicyMerge<string[]> = (user, managed) => [...new Set([...(managed ?? []), ...user])];

/** The user's per-site choices (profiles, roles), with the administrator's winning on the sites it names. */
export const mergePerSite = <T>(user: Record<string, T>, managed: Record<string, T> | undefined): Record<string, T> => ({ ...user, ...managed });
