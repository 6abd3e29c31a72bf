import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launch, openDemo, waitForStatus, type Session } from './harness';

describe('a model file missing from the build', () => {
  let session: Session;
  let brokenBuild: string;
  beforeAll(async () => {
    brokenBuild = mkdtempSync(join(tmpdir(), 'faceready-broken-'));
    cpSync(EXTENSION_DIR, brokenBuild, { recursive: true });
    rmSync(join(brokenBuild, 'models/vendor/human/facemesh.bin'));
    session = await launch({ video: 'astronaut', extensionDir: brokenBuild });
  });
  afterAll(async () => {
    await session?.close();
    rmSync(brokenBuild, { recursive: true, force: true });
  });

  it('makes the overlay name the model that failed instead of hanging', async () => {
    const page = await openDemo(session);
    const text = await waitForStatus(page, /cannot analyse/i, 30_000);
    expect(text).toMatch(/Could not load the face mesh model from chrome-extension:\/\/[a-z]+\/models\/vendor\/human\/facemesh\.json/);
  });
});
