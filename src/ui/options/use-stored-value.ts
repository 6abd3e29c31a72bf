/** A setting's current value in a Preact component, kept in step with storage (other pages may change it too). */
import { useEffect, useState } from 'preact/hooks';
import type { ReadableItem } from '../../extension/validated-item';

export interface StoredItem<T> extends ReadableItem<T> {
  setValue(value: T): Promise<void>;
  /** True when an administrator's policy sets the value (src/extension/policy-item.ts): shown, not editable. */
  lockedByPolicy?(): Promise<boolean>;
}

/** [value (null until read), save, set by the administrator]. */
export function useStoredValue<T>(item: StoredItem<T>): [T | null, (value: T) => Promise<void>, boolean] {
  const [value, setValue] = useState<T | null>(null);
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    let read = false;
    const checkLock = () => void item.lockedByPolicy?.().then(setLocked);
    const unwatch = item.watch((next) => {
      read = true;
      setValue(next);
      checkLock();
    });
    // A change seen while the first read was in flight is newer than what that read returns.
    void item.getValue().then((stored) => !read && setValue(stored));
    checkLock();
    return unwatch;
  }, [item]);
  return [
    value,
    async (next) => {
      setValue(next);
      await item.setValue(next);
    },
    locked,
  ];
}
