/** A setting's current value in a Preact component, kept in step with storage (other pages may change it too). */
import { useEffect, useState } from 'preact/hooks';
import type { ReadableItem } from '../../extension/validated-item';

export interface StoredItem<T> extends ReadableItem<T> {
  setValue(value: T): Promise<void>;
}

/** [value (null until read), save]. */
export function useStoredValue<T>(item: StoredItem<T>): [T | null, (value: T) => Promise<void>] {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let read = false;
    const unwatch = item.watch((next) => {
      read = true;
      setValue(next);
    });
    // A change seen while the first read was in flight is newer than what that read returns.
    void item.getValue().then((stored) => !read && setValue(stored));
    return unwatch;
  }, [item]);
  return [
    value,
    async (next) => {
      setValue(next);
      await item.setValue(next);
    },
  ];
}
