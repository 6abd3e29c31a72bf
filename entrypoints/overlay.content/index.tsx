import { render } from 'preact';
import { effect } from '@preact/signals';
import { DEFAULT_SAMPLING } from '@/src/capture/sampling';
import { startFrameRelay } from '@/src/capture/frame-relay';
import { connectEngine } from '@/src/extension/engine-client';
import { OVERLAY_FRAME_ENCODING } from '@/src/capture/encode-frame';
import { LOCAL_MATCHES } from '@/src/extension/site-matches';
import { CaptureSection } from '@/src/ui/CaptureSection';
import { createExtensionCaptureController } from '@/src/ui/extension-capture';
import { currentLocale, explainMethod, limeSamples, profileForOrigin, rememberSiteProfile, rememberSiteRole, roleForOrigin, samplingFps } from '@/src/extension/settings';
import { watchSiteTurnedOff } from '@/src/extension/site-enabled';
import { panelOffsetForOrigin, rememberPanelOffset } from '@/src/extension/site-panel-position';
import { parseOrNull } from '@/src/protocol/check';
import { backgroundToOverlay, type BackgroundRequest } from '@/src/protocol/messages';
import type { SiteRole } from '@/src/extension/setting-values';
import { RolePicker } from '@/src/ui/RolePicker';
import { watchSiteProfile } from '@/src/extension/site-profile';
import { keepAttached } from '@/src/ui/keep-attached';
import { Overlay } from '@/src/ui/Overlay';
import { createSourcePickerStore, SourcePicker } from '@/src/ui/SourcePicker';
import { createOverlayStore } from '@/src/ui/overlay-store';
import css from '@/src/ui/overlay.css?inline';
import { pausesLiveFrames, type ExplainEvent } from '@/src/ui/explain-state';

export default defineContentScript({
  matches: [...LOCAL_MATCHES],
  registration: 'runtime',
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const [fps, samples, method, locale, profile, role, panelOffset] = await Promise.all([
      samplingFps.getValue(),
      limeSamples.getValue(),
      explainMethod.getValue(),
      currentLocale(),
      profileForOrigin(location.origin),
      roleForOrigin(location.origin),
      panelOffsetForOrigin(location.origin),
    ]);
    // A doctor's FaceReady looks for the remote participant first.
    const preferredSource = (of: SiteRole) => (of === 'doctor' ? 'remote' : 'camera');
    const store = createOverlayStore(method, locale);
    const setProfile = (next: typeof profile) => store.dispatch({ type: 'profile', profile: next });
    setProfile(profile);
    ctx.onInvalidated(watchSiteProfile(location.origin, setProfile));
    const sources = createSourcePickerStore();
    // Capture follows every analysis: it keeps the pixels of the latest frame and of the ready window's best.
    const capture = createExtensionCaptureController();
    ctx.onInvalidated(
      effect(() => {
        const { analysis, readiness, profile, shown } = store.state.value;
        capture.observe({ analysis, readiness, profile, shownReady: shown.ready.shown });
      }),
    );
    ctx.onInvalidated(capture.dispose);
    const dispatchExplain = (event: ExplainEvent) => {
      store.dispatchExplain(event);
      relay.setPaused(pausesLiveFrames(store.explain.value));
    };
    // The verdict expires when results stop coming (a frozen or stopped video, a page that stops the tap);
    // not while an explanation holds the frames on purpose.
    const clock = setInterval(() => {
      if (!pausesLiveFrames(store.explain.value)) store.dispatch({ type: 'second-passed' });
    }, 1000);
    ctx.onInvalidated(() => clearInterval(clock));
    const relay = startFrameRelay(window, {
      connectEngine,
      encoding: OVERLAY_FRAME_ENCODING,
      fps,
      prefer: preferredSource(role),
      maxSide: DEFAULT_SAMPLING.maxSide,
      onEvent: store.dispatch,
      onExplainEvent: dispatchExplain,
      onEncoded: store.recordEncode,
      onSources: sources.update,
      retention: capture.retention,
    });
    ctx.onInvalidated(relay.stop);
    // Turned off for this site: the overlay goes and the page's tap stops sampling (relay.stop).
    ctx.onInvalidated(watchSiteTurnedOff(location.origin, () => ctx.abort('FaceReady was turned off for this site')));
    // The show/hide shortcut, relayed by the background to every frame of the tab.
    const onBackgroundMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id !== browser.runtime.id || sender.tab !== undefined || !parseOrNull(backgroundToOverlay, message)) return;
      store.panelHidden.value = !store.panelHidden.value;
    };
    browser.runtime.onMessage.addListener(onBackgroundMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onBackgroundMessage));
    // Inside a frame (an embedded video SDK, an ad) the panel appears only once that frame plays a video or asks for the camera.
    if (window !== window.top) await firstSignOfVideo(store, sources);
    if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));

    const overlay = (
      <Overlay
        store={store}
        locale={locale}
        onExplainMethodChange={(next) => {
          store.explainMethod.value = next;
          void explainMethod.setValue(next);
        }}
        onExplain={() => relay.explain(store.explainMethod.value, store.limeMode.value, samples)}
        onCancelExplain={relay.cancelExplain}
        onCloseExplain={() => dispatchExplain({ type: 'explain-closed' })}
        onProfileChange={(next) => {
          setProfile(next);
          void rememberSiteProfile(location.origin, next);
        }}
        rolePicker={
          <RolePicker
            initial={role}
            locale={locale}
            onChange={(next) => {
              relay.preferSource(preferredSource(next));
              void rememberSiteRole(location.origin, next);
            }}
          />
        }
        initialOffset={panelOffset}
        onMoved={(offset) => void rememberPanelOffset(location.origin, offset)}
        onHelp={() => void browser.runtime.sendMessage({ type: 'open-help' } satisfies BackgroundRequest)}
        sourcePicker={<SourcePicker store={sources} locale={locale} onPick={relay.selectSource} />}
        capture={<CaptureSection controller={capture} store={store} locale={locale} />}
      />
    );
    const ui = await createShadowRootUi(ctx, {
      name: 'faceready-overlay',
      // Closed: the page's scripts get null from host.shadowRoot, so they can neither rewrite the status
      // line nor click the panel's buttons (WXT's default is open; docs/security.md).
      mode: 'closed',
      position: 'inline',
      anchor: 'body',
      css,
      onMount: (container) => {
        render(overlay, container);
        return container;
      },
      onRemove: (container) => container && render(null, container),
    });
    ui.mount();
    ui.shadowHost.setAttribute('lang', locale);
    ctx.onInvalidated(keepAttached(ui.shadowHost));
  },
});

/** Resolves once the frame plays a video FaceReady can see or the page asked for the camera (even in vain). */
function firstSignOfVideo(store: ReturnType<typeof createOverlayStore>, sources: ReturnType<typeof createSourcePickerStore>): Promise<void> {
  return new Promise((resolve) => {
    const stop = effect(() => {
      const { camera, cameraError } = store.state.value;
      if (camera.state !== 'waiting' || cameraError || sources.state.value.sources.length > 0) {
        resolve();
        queueMicrotask(() => stop());
      }
    });
  });
}
