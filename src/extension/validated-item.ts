/**
 * A storage item whose reads are checked: `getValue` and `watch` hand out `validate(stored)`, so a
 * value that does not fit (see ./setting-values.ts) arrives as the default, never as-is.
 * Writes are typed already and pass through unchanged.
 */
type Unwatch = () => void;

export interface ReadableItem<T> {
  getValue(): Promise<T>;
  watch(callback: (newValue: T, oldValue: T) => void): Unwatch;
}

export function validatedItem<T, I extends ReadableItem<T>>(item: I, validate: (stored: unknown) => T): I {
  return {
    ...item,
    getValue: async () => validate(await item.getValue()),
    watch: (callback: (newValue: T, oldValue: T) => void) => item.watch((next, previous) => callback(validate(next), validate(previous))),
  };
}
