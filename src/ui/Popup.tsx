import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SAMPLING_FPS_LIMITS } from '../extension/setting-values';
import { enabledOrigins, profileForOrigin, rememberSiteProfile, samplingFps } from '../extension/settings';
import { readManagedPolicy } from '../extension/policy-item';
import { setSiteEnabled } from '../extension/site-access';
import { LOCAL_MATCHES, originMatchPattern } from '../extension/site-matches';
import { workflowWords } from '../i18n/hint-messages';
import { CHECK_MESSAGES } from '../i18n/check-messages';
import { SETTINGS_MESSAGES } from '../i18n/settings-messages';
import { translator } from '../i18n/translate';
import { CHECK_PAGE_PATH } from '../still-image/check-page-url';
import { DocLinks } from './DocLinks';
import { PROFILE_IDS, type ProfileId } from '../workflow/types';
import { NumberSetting } from './options/NumberSetting';
import { useLocale } from './options/use-locale';

/** A site is `managed` when an administrator turned FaceReady on for it; it still needs the browser's permission (`granted`). */
type SiteState =
  | { kind: 'unsupported' }
  | { kind: 'local'; origin: string }
  | { kind: 'site'; origin: string; enabled: boolean; managed: boolean; granted: boolean };

async function currentSite(): Promise<SiteState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const origin = tab?.url ? new URL(tab.url).origin : '';
  const pattern = originMatchPattern(origin);
  if (!pattern) return { kind: 'unsupported' };
  if (LOCAL_MATCHES.includes(pattern)) return { kind: 'local', origin };
  const [enabled, policy, granted] = await Promise.all([enabledOrigins.getValue(), readManagedPolicy(), browser.permissions.contains({ origins: [pattern] })]);
  return { kind: 'site', origin, enabled: enabled.includes(origin), managed: policy.enabledOrigins?.includes(origin) ?? false, granted };
}

/** Popup: turn FaceReady on or off for the current site, pick its profile, set the sampling rate; the rest is in the options page. */
export function Popup() {
  const locale = useLocale();
  const [site, setSite] = useState<SiteState | null>(null);
  const [profile, setProfile] = useState<ProfileId | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    void currentSite().then(async (found) => {
      setSite(found);
      if (found.kind !== 'unsupported') setProfile(await profileForOrigin(found.origin));
    });
  }, []);
  if (!locale) return null;
  const t = translator(SETTINGS_MESSAGES, locale);
  const { profileName } = workflowWords(locale);

  async function toggle(origin: string, enable: boolean) {
    const change = await setSiteEnabled(origin, enable);
    if (!change.ok) return setMessage(change.reason === 'permission-denied' ? t('permissionDenied') : t('updateFailed', { error: change.reason === 'failed' ? change.error : change.reason }));
    setSite({ kind: 'site', origin, enabled: enable, managed: site?.kind === 'site' && site.managed, granted: enable });
    setMessage(enable ? t('popup.enabled') : t('popup.disabled'));
  }

  async function chooseProfile(origin: string, chosen: ProfileId) {
    setProfile(chosen);
    await rememberSiteProfile(origin, chosen);
    setMessage(t('popup.profileSaved', { origin }));
  }

  return (
    <main>
      <h1>FaceReady</h1>
      {site?.kind === 'unsupported' && <p>{t('popup.unsupported')}</p>}
      {site?.kind === 'local' && <p>{t('popup.local', { origin: site.origin })}</p>}
      {site?.kind === 'site' && site.managed && site.granted && <p>{t('popup.managed', { origin: site.origin })}</p>}
      {site?.kind === 'site' && !(site.managed && site.granted) && (
        <p>
          <button type="button" onClick={() => toggle(site.origin, !(site.enabled && site.granted))}>
            {site.enabled && site.granted ? t('popup.turnOff', { origin: site.origin }) : t('popup.turnOn', { origin: site.origin })}
          </button>
        </p>
      )}
      {site && site.kind !== 'unsupported' && profile && (
        <div class="setting">
          <label for="site-profile">{t('popup.siteProfile')}</label>
          <select id="site-profile" value={profile} onChange={(e) => void chooseProfile(site.origin, (e.target as HTMLSelectElement).value as ProfileId)}>
            {PROFILE_IDS.map((id) => (
              <option key={id} value={id}>
                {profileName(id)}
              </option>
            ))}
          </select>
        </div>
      )}
      <NumberSetting id="sampling-fps" label={t('samplingFps')} limits={SAMPLING_FPS_LIMITS} item={samplingFps} t={t} onSaved={() => setMessage(t('saved'))} />
      <p>
        <a href={browser.runtime.getURL(CHECK_PAGE_PATH)} target="_blank">
          {translator(CHECK_MESSAGES, locale)('popupLink')}
        </a>
      </p>
      <p>
        <a href="#" onClick={(e) => (e.preventDefault(), void browser.runtime.openOptionsPage())}>
          {t('popup.allSettings')}
        </a>
      </p>
      <DocLinks t={t} />
      <p role="status">{message}</p>
    </main>
  );
}
