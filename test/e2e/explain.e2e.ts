import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickOverlayButton, hasOverlayButton, inOverlay, launch, openDemo, waitForStatus, waitInOverlay, type Session } from './harness';

/** Captions of the explanation panel's pictures, or [] while it is not shown. */
const captions = (root: ShadowRoot) => [...root.querySelectorAll('figure figcaption')].map((c) => c.textContent ?? '');

describe('Explain on the demo page', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ video: 'astronaut' });
    // SwiftShader/WASM here: a 1000-sample LIME is a benchmark, not a test.
    await session.setSettings({ limeSamples: 24 });
  });
  afterAll(async () => session?.close());

  it('freezes the frame and shows Grad-CAM, LIME and the combined view, with a legend and Save PNG', async () => {
    const page = await openDemo(session);
    await waitForStatus(page, /face found/i, 30_000);
    await inOverlay(page, (root) => {
      const select = root.querySelector('select[aria-label="Explanation method"]') as HTMLSelectElement;
      select.value = 'all';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await clickOverlayButton(page, 'Explain');
    // The frozen frame arrives first, with a progress bar and Cancel.
    await waitInOverlay(page, (p) => inOverlay(p, (root) => !!root.querySelector('progress')), 30_000, 'a progress bar');

    const deadline = Date.now() + 150_000;
    let shown: string[] = [];
    while (Date.now() < deadline) {
      shown = await inOverlay(page, captions);
      if (shown.some((c) => c.startsWith('Grad-CAM +'))) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(shown).toEqual(expect.arrayContaining(['Frame', 'Grad-CAM', expect.stringMatching(/^LIME top \d$/), 'Grad-CAM + LIME', expect.stringMatching(/^Heatmap: importance/)]));
    const panel = await inOverlay(page, (root) => ({
      canvases: root.querySelectorAll('canvas').length,
      predicted: root.querySelector('section[aria-label="Explanation"] strong')?.textContent ?? '',
      save: [...root.querySelectorAll('button')].some((b) => b.textContent === 'Save PNG'),
    }));
    expect(panel.canvases).toBe(5); // frame, three views, legend
    expect(panel.predicted).toMatch(/^(blur|eyeglasses|good|covered|wrong) \d+%$/);
    expect(panel.save).toBe(true);

    // Closing resumes the live analysis.
    await clickOverlayButton(page, 'Close and resume');
    expect(await inOverlay(page, captions)).toEqual([]);
    await waitForStatus(page, /face found/i, 20_000);
    await page.close();
  });

  it('can be cancelled while it runs', async () => {
    await session.setSettings({ limeSamples: 2000 });
    const page = await openDemo(session);
    await waitForStatus(page, /face found/i, 30_000);
    await clickOverlayButton(page, 'Explain');
    await waitInOverlay(page, (p) => hasOverlayButton(p, 'Cancel'), 30_000, 'a Cancel button');
    await clickOverlayButton(page, 'Cancel');
    await waitInOverlay(page, (p) => hasOverlayButton(p, 'Explain'), 30_000, 'the Explain button again');
  });
});
