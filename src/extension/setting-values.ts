/**
 * What each stored setting may hold, and its default. Storage can hold anything (an older version,
 * a hand edit, another extension build), so every read goes through these checks: a value that does
 * not fit falls back to the default instead of reaching the engine or crashing a page. Pure; the
 * storage items in ./settings.ts apply them.
 */
import { DEFAULT_SAMPLING } from '../capture/sampling';
import { BACKEND_CHOICES, type BackendChoice } from '../engine/backend-choice';
import { LOCALES, type Locale } from '../i18n/translate';
import { EXPLAIN_LIMITS } from '../protocol/messages';
import { PROFILE_IDS, type ProfileId } from '../workflow/types';
import { EXPLAIN_METHODS, type ExplainMethod } from '../xai/explain-method';
import { DEFAULT_LIME_OPTIONS } from '../xai/lime';
import { originMatchPattern } from './site-matches';

export type UiLanguage = Locale | 'auto';
/** The user's part in a site's calls: a patient checks their own camera, a doctor the remote participant. */
export const SITE_ROLES = ['patient', 'doctor'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];
export const UI_LANGUAGES: readonly UiLanguage[] = ['auto', ...LOCALES];

export interface Settings {
  enabledOrigins: string[];
  samplingFps: number;
  backendChoice: BackendChoice;
  explainMethod: ExplainMethod;
  limeSamples: number;
  uiLanguage: UiLanguage;
  defaultProfile: ProfileId;
  siteProfiles: Record<string, ProfileId>;
  /** Sites where the user is the doctor (a site not listed: patient). */
  siteRoles: Record<string, SiteRole>;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  enabledOrigins: [],
  samplingFps: DEFAULT_SAMPLING.fps,
  backendChoice: 'auto',
  // The paper's combined Grad-CAM + LIME, with LIME's 1000 samples.
  explainMethod: 'combined',
  limeSamples: DEFAULT_LIME_OPTIONS.numSamples,
  uiLanguage: 'auto',
  defaultProfile: 'consult',
  siteProfiles: {},
  siteRoles: {},
};

/** Frames analysed per second: at least one, and no more than the pipeline keeps up with on a CPU backend. */
export const SAMPLING_FPS_LIMITS = { min: 1, max: 15 } as const;
export const LIME_SAMPLE_LIMITS = { min: EXPLAIN_LIMITS.minSamples, max: EXPLAIN_LIMITS.maxSamples } as const;

function oneOf<T extends string>(choices: readonly T[], value: unknown, fallback: T): T {
  return choices.includes(value as T) ? (value as T) : fallback;
}

function integerWithin(value: unknown, limits: { min: number; max: number }): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= limits.min && value <= limits.max ? value : null;
}

export const validSamplingFps = (value: unknown): number => integerWithin(value, SAMPLING_FPS_LIMITS) ?? DEFAULT_SETTINGS.samplingFps;
export const validLimeSamples = (value: unknown): number => integerWithin(value, LIME_SAMPLE_LIMITS) ?? DEFAULT_SETTINGS.limeSamples;
export const validBackendChoice = (value: unknown): BackendChoice => oneOf(BACKEND_CHOICES, value, DEFAULT_SETTINGS.backendChoice);
export const validExplainMethod = (value: unknown): ExplainMethod => oneOf(EXPLAIN_METHODS, value, DEFAULT_SETTINGS.explainMethod);
export const validUiLanguage = (value: unknown): UiLanguage => oneOf(UI_LANGUAGES, value, DEFAULT_SETTINGS.uiLanguage);
export const validProfile = (value: unknown): ProfileId => oneOf(PROFILE_IDS, value, DEFAULT_SETTINGS.defaultProfile);

const isOrigin = (value: unknown): value is string => typeof value === 'string' && originMatchPattern(value) !== null;

/** The stored origins that are real http(s) origins, each once; anything else is dropped. */
export function validOrigins(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.filter(isOrigin))] : [];
}

/** The entries of a per-site record whose origin and value are both valid; other entries are dropped. */
function validPerSite<T extends string>(value: unknown, choices: readonly T[]): Record<string, T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([origin, chosen]) => isOrigin(origin) && choices.includes(chosen as T)));
}

export const validSiteProfiles = (value: unknown): Record<string, ProfileId> => validPerSite(value, PROFILE_IDS);
export const validSiteRoles = (value: unknown): Record<string, SiteRole> => validPerSite(value, SITE_ROLES);

/** Where the user moved the overlay's panel on each site: its offset in CSS pixels from the bottom-right corner. */
export interface PanelOffset {
  x: number;
  y: number;
}
/** Further than any screen: a stored offset beyond it is not one FaceReady wrote. */
const MAX_PANEL_OFFSET = 100_000;
const isOffset = (value: unknown): value is PanelOffset =>
  typeof value === 'object' && value !== null && [(value as PanelOffset).x, (value as PanelOffset).y].every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= MAX_PANEL_OFFSET);

/** The stored panel offsets whose origin is a web origin and whose offset is two finite numbers; others are dropped. */
export function validPanelOffsets(value: unknown): Record<string, PanelOffset> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).flatMap(([origin, offset]) => (isOrigin(origin) && isOffset(offset) ? [[origin, { x: offset.x, y: offset.y }]] : [])));
}

/** What the user typed into a number field: the whole number it holds if within the limits, else why not. */
export type NumberInput = { ok: true; value: number } | { ok: false; reason: 'not-a-whole-number' | 'out-of-range' };

export function parseWholeNumber(text: string, limits: { min: number; max: number }): NumberInput {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, reason: 'not-a-whole-number' };
  const value = Number(trimmed);
  return value >= limits.min && value <= limits.max ? { ok: true, value } : { ok: false, reason: 'out-of-range' };
}

/**
 * The origin the user means by what they typed: "consult.example.org" (https assumed),
 * "https://consult.example.org/room/42" (the path is dropped) or "http://localhost:8080".
 * Null for anything that is not an http(s) web address.
 */
export function parseOriginInput(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^:/]+:\d+(\/|$)/.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (!url.hostname || originMatchPattern(url.origin) === null) return null;
  return url.origin;
}
