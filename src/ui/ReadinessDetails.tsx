/** The overlay's workflow parts: the profile picker, the profile's checks and the quality measures of the latest frame. */
import { workflowWords } from '../i18n/hint-messages';
import { measureName } from '../i18n/measure-messages';
import { OVERLAY_MESSAGES } from '../i18n/overlay-messages';
import { translator, type Locale } from '../i18n/translate';
import { PROFILE_IDS, type CheckId, type ProfileId, type Readiness } from '../workflow/types';
import type { MeasureRow } from './measure-rows';
import { checkStatus, otherChecks } from './measure-rows';

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

/** Each check other than the measures: passed / failed / not measured, the measured value and the rule. */
export function ChecksList({ readiness, locale }: ChecksListProps) {
  const t = translator(OVERLAY_MESSAGES, locale);
  return (
    <ul class="checks" aria-label={t('checks')}>
      {otherChecks(readiness).map((check) => {
        const status = checkStatus(check);
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

export interface MeasuresListProps {
  rows: readonly MeasureRow[];
  locale: Locale;
}

/** Each quality measure: its status against the profile's band, raw value, score and the band. */
export function MeasuresList({ rows, locale }: MeasuresListProps) {
  const t = translator(OVERLAY_MESSAGES, locale);
  if (rows.length === 0) return <>{t('measuresNotComputed')}</>;
  return (
    <ul class="checks measures" aria-label={t('measures')}>
      {rows.map((row) => (
        <li key={row.id} class={`check-${row.status}`} data-check={row.id}>
          <span>{measureName(row.id, locale)}</span>: {row.status === 'unbanded' ? t('check.no-threshold') : t(`check.${row.status}`)}
          {row.raw !== null && ` · ${row.raw} · ${row.score}/100`} {row.threshold && <span class="threshold">({row.threshold})</span>}
        </li>
      ))}
    </ul>
  );
}
