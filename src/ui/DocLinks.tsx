import { browser } from 'wxt/browser';
import type { SettingsMessageKey } from '../i18n/settings-messages';
import type { Translate } from '../i18n/translate';
import { docPagePath } from './doc-page-path';

/** Links to the privacy statement and the help, opened in a tab of their own (popup and options page). */
export function DocLinks({ t }: { t: Translate<SettingsMessageKey> }) {
  return (
    <p class="doc-links">
      <a href={browser.runtime.getURL(docPagePath('privacy'))} target="_blank">
        {t('privacy')}
      </a>
      {' · '}
      <a href={browser.runtime.getURL(docPagePath('help'))} target="_blank">
        {t('help')}
      </a>
    </p>
  );
}
