import { useEffect, useState } from 'preact/hooks';
import { parseWholeNumber } from '../../extension/setting-values';
import type { SettingsMessageKey } from '../../i18n/settings-messages';
import type { Translate } from '../../i18n/translate';
import { type StoredItem, useStoredValue } from './use-stored-value';

export interface NumberSettingProps {
  id: string;
  label: string;
  hint?: string;
  limits: { min: number; max: number };
  item: StoredItem<number>;
  t: Translate<SettingsMessageKey>;
  onSaved?: () => void;
  /** Shown, with the field disabled, when an administrator set the value. */
  managedNote?: string;
}

/** A whole-number setting: saved when the typed value is within its limits, otherwise the reason is shown and nothing is saved. */
export function NumberSetting({ id, label, hint, limits, item, t, onSaved, managedNote }: NumberSettingProps) {
  const [stored, save, locked] = useStoredValue(item);
  /** What the user typed, until a saved value (from here or another page) replaces it; null shows the stored value. */
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setTyped(null), [stored]);
  if (stored === null) return null;

  function commit(typed: string) {
    setTyped(typed);
    const parsed = parseWholeNumber(typed, limits);
    if (!parsed.ok) return setError(parsed.reason === 'out-of-range' ? t('outOfRange', limits) : t('notWholeNumber'));
    setError(null);
    void save(parsed.value).then(onSaved);
  }

  const describedBy = [hint && `${id}-hint`, error && `${id}-error`, locked && `${id}-managed`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="setting">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={limits.min}
        max={limits.max}
        step={1}
        value={typed ?? String(stored)}
        disabled={locked}
        aria-invalid={error !== null}
        aria-describedby={describedBy}
        onChange={(e) => commit((e.target as HTMLInputElement).value)}
      />
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
      {locked && managedNote && (
        <small id={`${id}-managed`} class="managed">
          {managedNote}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} class="error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
