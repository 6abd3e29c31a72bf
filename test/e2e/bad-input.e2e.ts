import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIMAGE_DATA } from '../../scripts/lib/skimage-data';
import { CHECK_PAGE_PROMPT, checkFile } from './check-page';
import { brokenBuild, launch, openDemo, waitForStatus, type Session } from './harness';

describe('a model file missing from the build', () => {
  let session: Session;
  const build = brokenBuild();
  beforeAll(async () => {
    session = await launch({ video: 'astronaut', extensionDir: build.dir });
  });
  afterAll(async () => {
    await session?.close();
    build.remove();
  });

  it('makes the still-image check say the engine failed instead of waiting', async () => {
    // The engine may fail before the page has shown its prompt: then the page says so at once instead.
    const ready = new RegExp(`${CHECK_PAGE_PROMPT.source}|cannot analyse`, 'i');
    const text = await checkFile(session, `${SKIMAGE_DATA}/astronaut.png`, /cannot analyse|analysis failed/, 60_000, ready);
    expect(text).toMatch(/Could not load the face mesh model/);
  });

  it('makes the overlay name the model that failed instead of hanging', async () => {
    const page = await openDemo(session);
    const text = await waitForStatus(page, /cannot analyse/i, 30_000);
    expect(text).toMatch(/Could not load the face mesh model from chrome-extension:\/\/[a-z]+\/models\/vendor\/human\/facemesh\.json/);
  });
});
