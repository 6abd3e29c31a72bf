/**
 * A setting as the user sees it once the administrator's policy (chrome.storage.managed) is applied:
 * reads and watches give the merged value, writes still go to the user's own storage, and
 * `lockedByPolicy` tells a settings page to show the value as set by the administrator.
 */
import { browser } from 'wxt/browser';
import { preferManaged, validManagedPolicy, type ManagedPolicy, type PolicyMerge } from './managed-policy';
import type { Settings } from './setting-values';
import type { ReadableItem } from './validated-item';

export async function readManagedPolicy(): Promise<ManagedPolicy> {
  try {
    return validManagedPolicy(await browser.storage.managed.get());
  } catch {
    // No policy (Firefox throws when no managed manifest is installed): the user's settings stand alone.
    return {};
  }
}

export function watchManagedPolicy(callback: () => void): () => void {
  const listener = (_changes: unknown, area: string) => area === 'managed' && callback();
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export interface PolicyItem<T> extends ReadableItem<T> {
  /** Writes the user's own value (the policy is applied on top of it when read). */
  setValue(value: T): Promise<void>;
  /** The user's own value, without the policy: what a change by the user starts from. */
  getUserValue(): Promise<T>;
  /** True when the administrator set this value (a merged list is never locked as a whole). */
  lockedByPolicy(): Promise<boolean>;
}

export function withPolicy<K extends keyof Settings>(
  item: ReadableItem<Settings[K]> & { setValue(value: Settings[K]): Promise<void> },
  key: K,
  merge: PolicyMerge<Settings[K]> = preferManaged,
): PolicyItem<Settings[K]> {
  const effective = async (user: Settings[K]) => merge(user, (await readManagedPolicy())[key]);
  return {
    getValue: async () => effective(await item.getValue()),
    setValue: (value) => item.setValue(value),
    getUserValue: () => item.getValue(),
    lockedByPolicy: async () => merge === preferManaged && (await readManagedPolicy())[key] !== undefined,
    watch(callback) {
      let last: Settings[K] | undefined;
      const emit = async () => {
        const next = await effective(await item.getValue());
        if (last !== undefined && JSON.stringify(next) === JSON.stringify(last)) return;
        const previous = last ?? next;
        last = next;
        callback(next, previous);
      };
      void item.getValue().then(effective).then((value) => (last ??= value));
      const unwatchUser = item.watch(() => void emit());
      const unwatchPolicy = watchManagedPolicy(() => void emit());
      return () => {
        unwatchUser();
        unwatchPolicy();
      };
    },
  };
}
