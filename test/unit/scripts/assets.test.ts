import { describe, expect, it } from 'vitest';
import { ASSETS, type AssetSpec } from '../../../scripts/assets/manifest';
import { sha256, verifyShipped } from '../../../scripts/assets/verify';

const bytes = new TextEncoder().encode('model weights');
const spec: AssetSpec = { pkg: '@example/models', from: 'm/a.bin', to: 'models/vendor/a.bin', bytes: bytes.length, sha256: sha256(bytes) };

describe('asset verification', () => {
  it('accepts the exact file', () => {
    expect(verifyShipped(spec, true, bytes)).toBeNull();
  });
  it('names the missing package and tells how to fix it', () => {
    expect(verifyShipped(spec, false, null)).toEqual({ kind: 'missing-package', message: expect.stringMatching(/@example\/models is not installed.*m\/a\.bin.*npm ci/) });
  });
  it('names the missing file inside an installed package', () => {
    expect(verifyShipped(spec, true, null)?.message).toMatch(/@example\/models is installed but has no m\/a\.bin/);
  });
  it('catches a changed size and a changed hash', () => {
    expect(verifyShipped(spec, true, new Uint8Array(3))?.message).toMatch(/is 3 bytes, expected 13/);
    const tampered = bytes.slice();
    tampered[0] ^= 1;
    expect(verifyShipped(spec, true, tampered)?.message).toMatch(/has sha256 [0-9a-f]{64}, expected/);
  });
  it('lists every file under a distinct output path', () => {
    const targets = ASSETS.map((a) => a.to);
    expect(new Set(targets).size).toBe(targets.length);
    for (const a of ASSETS) expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
