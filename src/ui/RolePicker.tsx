import { useState } from 'preact/hooks';
import { SITE_ROLES, type SiteRole } from '../extension/setting-values';
import { OVERLAY_MESSAGES } from '../i18n/overlay-messages';
import { translator, type Locale } from '../i18n/translate';

export interface RolePickerProps {
  /** The role remembered for the site when the panel opened. */
  initial: SiteRole;
  locale: Locale;
  onChange(role: SiteRole): void;
}

/** The user's part in this site's calls: a doctor's FaceReady checks the remote participant first (remembered per site). */
export function RolePicker({ initial, locale, onChange }: RolePickerProps) {
  const t = translator(OVERLAY_MESSAGES, locale);
  const [role, setRole] = useState(initial);
  return (
    <label class="role-picker">
      {t('role')}{' '}
      <select value={role} onChange={(e) => {
          const next = (e.target as HTMLSelectElement).value as SiteRole;
          setRole(next);
          onChange(next);
        }}>
        {SITE_ROLES.map((id) => (
          <option key={id} value={id}>
            {t(`role.${id}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
