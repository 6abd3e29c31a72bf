/** The language of an extension page; it follows the language setting as it changes. */
import { useEffect, useState } from 'preact/hooks';
import { currentLocale, uiLanguage } from '../../extension/settings';
import type { Locale } from '../../i18n/translate';

export function useLocale(): Locale | null {
  const [locale, setLocale] = useState<Locale | null>(null);
  useEffect(() => {
    const update = () => void currentLocale().then(setLocale);
    update();
    return uiLanguage.watch(update);
  }, []);
  useEffect(() => {
    if (locale) document.documentElement.lang = locale;
  }, [locale]);
  return locale;
}
