import { render } from 'preact';
import { DEFAULT_SAMPLING } from '@/src/capture/sampling';
import { startFrameRelay } from '@/src/capture/frame-relay';
import { LOCAL_MATCHES } from '@/src/extension/site-matches';
import { samplingFps } from '@/src/extension/settings';
import { Overlay } from '@/src/ui/Overlay';
import { createOverlayStore } from '@/src/ui/overlay-store';
import css from '@/src/ui/overlay.css?inline';

export default defineContentScript({
  matches: [...LOCAL_MATCHES],
  registration: 'runtime',
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const store = createOverlayStore();
    const stopRelay = startFrameRelay(window, {
      encoding: 'jpeg',
      fps: await samplingFps.getValue(),
      maxSide: DEFAULT_SAMPLING.maxSide,
      onEvent: store.dispatch,
      onEncoded: store.recordEncode,
    });
    ctx.onInvalidated(stopRelay);
    if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    const ui = await createShadowRootUi(ctx, {
      name: 'faceready-overlay',
      position: 'inline',
      anchor: 'body',
      css,
      onMount: (container) => {
        render(<Overlay store={store} />, container);
        return container;
      },
      onRemove: (container) => container && render(null, container),
    });
    ui.mount();
  },
});
