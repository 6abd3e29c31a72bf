import { defaultProfile, forgetSiteProfile, rememberSiteProfile, siteProfiles } from '../../extension/settings';
import { workflowWords } from '../../i18n/hint-messages';
import type { SettingsMessageKey } from '../../i18n/settings-messages';
import type { Locale, Translate } from '../../i18n/translate';
import { PROFILE_IDS, type ProfileId } from '../../workflow/types';
import { ChoiceSetting } from './ChoiceSetting';
import { useManagedPolicy } from './use-managed-policy';
import { useStoredValue } from './use-stored-value';

export interface ProfilesSectionProps {
  locale: Locale;
  t: Translate<SettingsMessageKey>;
  notify(message: string): void;
}

/** The default profile, and the profiles remembered per site (change or forget each). */
export function ProfilesSection({ locale, t, notify }: ProfilesSectionProps) {
  const [perSite] = useStoredValue(siteProfiles);
  const managedSites = useManagedPolicy().siteProfiles ?? {};
  const { profileName } = workflowWords(locale);
  const saved = () => notify(t('saved'));
  const sites = Object.entries(perSite ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">{t('profiles.heading')}</h2>
      <ChoiceSetting id="default-profile" label={t('profiles.default')} hint={t('profiles.defaultHint')} choices={PROFILE_IDS} choiceLabel={profileName} item={defaultProfile} onSaved={saved} managedNote={t('managed')} />
      <h3>{t('profiles.sites')}</h3>
      {perSite !== null &&
        (sites.length === 0 ? (
          <p>{t('profiles.none')}</p>
        ) : (
          <ul class="sites">
            {sites.map(([origin, profile]) => (
              <li key={origin}>
                <span>{origin}</span>
                <select
                  aria-label={t('profiles.siteLabel', { origin })}
                  value={profile}
                  disabled={Object.hasOwn(managedSites, origin)}
                  onChange={(e) => void rememberSiteProfile(origin, (e.target as HTMLSelectElement).value as ProfileId).then(saved)}
                >
                  {PROFILE_IDS.map((id) => (
                    <option key={id} value={id}>
                      {profileName(id)}
                    </option>
                  ))}
                </select>
                {Object.hasOwn(managedSites, origin) ? (
                  <small class="managed">{t('managed')}</small>
                ) : (
                  <button type="button" aria-label={t('profiles.forgetLabel', { origin })} onClick={() => void forgetSiteProfile(origin).then(saved)}>
                    {t('profiles.forget')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
