/** The overlay's workflow parts: the profile picker and the list of the profile's checks for the latest frame. */
import { workflowWords } from '../i18n/hint-messages';
import { OVERLAY_MESSAGES } from '../i18n/overlay-messages';
import { translator, type Locale } from '../i18n/translate';
import type { CheckId } from '../workflow/readiness';
import { PROFILE_IDS, type ProfileId, type Readiness } from '../workflow/types';

export interface ProfilePickerProps {
  profile: ProfileId;
  locale: Locale;
  onChange(profile: ProfileId): void;
}

export function ProfilePicker({ profile, locale, onChange }: ProfilePickerProps) {
  const t = translator(OVERLAY_MESSAGES, locale);
  const { profileName } = workflowWords(locale);
  return (
    <label class="profile-picker">
      {t('profile')}{' '}
      <select value={profile} onChange={(e) => onChange((e.target as HTMLSelectElement).value as ProfileId)}>
        {PROFILE_IDS.map((id) => (
          <option key={id} value={id}>
            {profileName(id)}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface ChecksListProps {
  readiness: Readiness;
  locale: Locale;
}

/** Each check: passed / failed / not measured, the measured value and the rule. */
export function ChecksList({ readiness, locale }: ChecksListProps) {
  const t = translator(OVERLAY_MESSAGES, locale);
  return (
    <ul class="checks" aria-label={t('checks')}>
      {readiness.checks.map((check) => {
        const status = check.passed === null ? 'unmeasured' : check.passed ? 'passed' : 'failed';
        return (
          <li key={check.id} class={`check-${status}`} data-check={check.id}>
            <span>{t(`check.${check.id as CheckId}`)}</span>: {t(`check.${status}`)}
            {check.value !== null && ` · ${check.value}`} <span class="threshold">({check.threshold})</span>
          </li>
        );
      })}
    </ul>
  );
}
