/** The administrator's policy in a settings page, kept in step with changes to it. */
import { useEffect, useState } from 'preact/hooks';
import type { ManagedPolicy } from '../../extension/managed-policy';
import { readManagedPolicy, watchManagedPolicy } from '../../extension/policy-item';

export function useManagedPolicy(): ManagedPolicy {
  const [policy, setPolicy] = useState<ManagedPolicy>({});
  useEffect(() => {
    const read = () => void readManagedPolicy().then(setPolicy);
    read();
    return watchManagedPolicy(read);
  }, []);
  return policy;
}
