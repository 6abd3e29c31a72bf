import { useState } from 'preact/hooks';
import { parseOriginInput } from '../../extension/setting-values';
import { enabledOrigins } from '../../extension/settings';
import { setSiteEnabled, type SiteChange } from '../../extension/site-access';
import { LOCAL_MATCHES, originMatchPattern } from '../../extension/site-matches';
import type { SettingsMessageKey } from '../../i18n/settings-messages';
import type { Translate } from '../../i18n/translate';
import { useManagedPolicy } from './use-managed-policy';
import { useStoredValue } from './use-stored-value';

export interface SitesSectionProps {
  t: Translate<SettingsMessageKey>;
  notify(message: string): void;
}

/** The sites FaceReady runs on: add one by its address (asking for its permission from the click), or remove one. */
export function SitesSection({ t, notify }: SitesSectionProps) {
  const [origins] = useStoredValue(enabledOrigins);
  const managedOrigins = useManagedPolicy().enabledOrigins ?? [];
  const [address, setAddress] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);

  const failure = (change: Exclude<SiteChange, { ok: true }>) =>
    change.reason === 'permission-denied' ? t('permissionDenied') : t('updateFailed', { error: change.reason === 'failed' ? change.error : change.reason });

  async function add(event: Event) {
    event.preventDefault();
    const origin = parseOriginInput(address);
    if (!origin) return setInvalid(t('sites.invalid'));
    if (LOCAL_MATCHES.includes(originMatchPattern(origin)!)) return setInvalid(t('sites.local', { origin }));
    setInvalid(null);
    // No await before this call: the permission prompt needs the click's user gesture.
    const change = await setSiteEnabled(origin, true);
    if (!change.ok) return notify(failure(change));
    setAddress('');
    notify(t('sites.added', { origin }));
  }

  async function remove(origin: string) {
    const change = await setSiteEnabled(origin, false);
    notify(change.ok ? t('sites.removed', { origin }) : failure(change));
  }

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sites.heading')}</h2>
      <p class="hint">{t('sites.intro')}</p>
      {origins !== null &&
        (origins.length === 0 ? (
          <p>{t('sites.none')}</p>
        ) : (
          <ul class="sites">
            {origins.map((origin) => (
              <li key={origin}>
                <span>{origin}</span>
                {managedOrigins.includes(origin) ? (
                  <small class="managed">{t('managed')}</small>
                ) : (
                  <button type="button" aria-label={t('sites.removeLabel', { origin })} onClick={() => void remove(origin)}>
                    {t('sites.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
      <form class="setting" onSubmit={(e) => void add(e)}>
        <label for="site-address">{t('sites.address')}</label>
        <span class="row">
          <input
            id="site-address"
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            placeholder={t('sites.placeholder')}
            value={address}
            aria-invalid={invalid !== null}
            aria-describedby={invalid ? 'site-address-error' : undefined}
            onInput={(e) => setAddress((e.target as HTMLInputElement).value)}
          />
          <button type="submit">{t('sites.add')}</button>
        </span>
        {invalid && (
          <small id="site-address-error" class="error" role="alert">
            {invalid}
          </small>
        )}
      </form>
    </section>
  );
}
