import { type StoredItem, useStoredValue } from './use-stored-value';

export interface ChoiceSettingProps<T extends string> {
  id: string;
  label: string;
  hint?: string;
  choices: readonly T[];
  choiceLabel(choice: T): string;
  item: StoredItem<T>;
  onSaved?: () => void;
  /** Shown, with the control disabled, when an administrator set the value. */
  managedNote?: string;
}

/** A setting with a fixed set of values, as a select bound to its storage item. */
export function ChoiceSetting<T extends string>({ id, label, hint, choices, choiceLabel, item, onSaved, managedNote }: ChoiceSettingProps<T>) {
  const [stored, save, locked] = useStoredValue(item);
  if (stored === null) return null;
  return (
    <div class="setting">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={stored}
        disabled={locked}
        aria-describedby={[hint && `${id}-hint`, locked && `${id}-managed`].filter(Boolean).join(' ') || undefined}
        onChange={(e) => void save((e.target as HTMLSelectElement).value as T).then(onSaved)}>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choiceLabel(choice)}
          </option>
        ))}
      </select>
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
    </div>
  );
}
