/**
 * FaceReady's own typed message catalogues. Each area keeps its strings in one catalogue
 * (`defineCatalog({ en: {…}, de: {…} })`): the English entries define the keys, and the compiler
 * refuses a catalogue whose other languages miss or add one. Chosen over chrome.i18n because the
 * same strings are used by pure modules unit-tested in Node, and the user can pick a language other
 * than the browser's in the options page. The manifest's own name/description use public/_locales.
 */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch' };

export type Catalog<K extends string> = { readonly en: Readonly<Record<K, string>> } & { readonly [L in Exclude<Locale, 'en'>]: Readonly<Record<K, string>> };

/** Declares a catalogue; `{name}` in a message is replaced by the parameter of that name. */
export function defineCatalog<const K extends string>(catalog: { en: Record<K, string> } & { [L in Exclude<Locale, 'en'>]: Record<NoInfer<K>, string> }): Catalog<K> {
  return catalog;
}

export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate<K extends string> = (key: K, params?: MessageParams) => string;

export function translator<K extends string>(catalog: Catalog<K>, locale: Locale): Translate<K> {
  const messages = catalog[locale];
  return (key, params) => {
    const template = messages[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** The first of the user's preferred languages (BCP 47 tags, best first) that FaceReady speaks; English otherwise. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split('-')[0];
    const match = LOCALES.find((locale) => locale === language);
    if (match) return match;
  }
  return 'en';
}
