import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelOffset } from '../extension/setting-values';
import { largestFace } from '../model/measures/largest-face';
import { CLASS_NAMES } from '../model/classifier/constants';
import { OVERLAY_MESSAGES } from '../i18n/overlay-messages';
import { translator, type Locale } from '../i18n/translate';
import type { ProfileId } from '../workflow/types';
import type { ExplainMethod } from '../xai/explain-set';
import { ExplainSection } from './ExplainSection';
import type { OverlayStore } from './overlay-store';
import { measureRows } from './measure-rows';
import { audienceOf, cascadeWords, detailsOpenByDefault, isGood, verdictWords } from './overlay-state';
import { clampOffset, offsetAfterKey, PANEL_HOME } from './panel-position';
import { ChecksList, MeasuresList, ProfilePicker } from './ReadinessDetails';

export interface OverlayProps {
  store: OverlayStore;
  /** The language the overlay speaks (currentLocale() where it is mounted). */
  locale: Locale;
  onExplainMethodChange(method: ExplainMethod): void;
  onExplain(): void;
  onCancelExplain(requestId: number): void;
  onCloseExplain(): void;
  /** Which of the page's videos is checked (the SourcePicker), shown under the verdict. */
  sourcePicker?: ComponentChildren;
  /** Best-frame capture and export (the CaptureSection), shown under the explanation controls. */
  capture?: ComponentChildren;
  /** The user picked another workflow profile (remembered for the site). */
  onProfileChange?(profile: ProfileId): void;
  /** The user's role on the site (the RolePicker), shown under the profile. */
  rolePicker?: ComponentChildren;
  /** Where the panel was left on this site (from its bottom-right home). */
  initialOffset?: PanelOffset;
  /** The user moved the panel (by pointer or keyboard), to remember for the site. */
  onMoved?(offset: PanelOffset): void;
  /** Opens FaceReady's help (the page cannot link to the extension's pages). */
  onHelp?(): void;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The live FaceReady panel: a movable card whose status line is an ARIA live region. */
export function Overlay({ store, locale, onExplainMethodChange, onExplain, onCancelExplain, onCloseExplain, sourcePicker, capture, onProfileChange, rolePicker, initialOffset = PANEL_HOME, onMoved, onHelp }: OverlayProps) {
  const t = translator(OVERLAY_MESSAGES, locale);
  const [offset, setOffset] = useState(initialOffset);
  const [collapsed, setCollapsed] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const drag = useRef<{ startX: number; startY: number; from: PanelOffset } | null>(null);
  /** Moves the panel, kept inside the window; returns where it went. */
  const place = (next: PanelOffset): PanelOffset => {
    const rect = panel.current?.getBoundingClientRect();
    const placed = rect ? clampOffset(next, rect, { width: innerWidth, height: innerHeight }) : next;
    setOffset(placed);
    return placed;
  };
  // A position remembered on a larger window is brought back into this one.
  useEffect(() => void place(initialOffset), []);
  const { engine, analysis, eyes, profile, readiness, camera } = store.state.value;
  const openByDefault = detailsOpenByDefault(profile, audienceOf(camera));
  // The user's own toggle holds until the default itself changes (another profile or video).
  const [detailsToggle, setDetailsToggle] = useState<{ open: boolean; overDefault: boolean } | null>(null);
  const detailsOpen = detailsToggle && detailsToggle.overDefault === openByDefault ? detailsToggle.open : openByDefault;
  const verdict = store.verdict.value;
  const face = analysis && largestFace(analysis.faces);
  const encode = store.encodeTiming.value;
  const explain = store.explain.value;

  // Hidden by the keyboard shortcut (the `commands` key): nothing shown until it is pressed again.
  if (store.panelHidden.value) return null;
  return (
    <section
      ref={panel}
      lang={locale}
      class={`panel tone-${verdict.tone}${explain.status === 'idle' ? '' : ' wide'}`}
      style={{ transform: `translate(${offset.x}px, ${offset.y}px)` }}
      aria-label="FaceReady"
    >
      <header
        class="handle"
        onPointerDown={(e) => {
          if ((e.target as HTMLElement).closest('button:not(.move)')) return;
          (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
          drag.current = { startX: e.clientX, startY: e.clientY, from: offset };
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d) place({ x: d.from.x + e.clientX - d.startX, y: d.from.y + e.clientY - d.startY });
        }}
        onPointerUp={() => {
          if (drag.current) onMoved?.(offset);
          drag.current = null;
        }}
      >
        <button
          type="button"
          class="move"
          aria-label={t('move')}
          aria-describedby="faceready-move-hint"
          title={t('moveHint')}
          onKeyDown={(e) => {
            const next = offsetAfterKey(offset, e.key, e.shiftKey);
            if (!next) return;
            e.preventDefault();
            onMoved?.(place(next));
          }}
        >
          <span aria-hidden="true">✥</span>
        </button>
        <span id="faceready-move-hint" class="visually-hidden">
          {t('moveHint')}
        </span>
        <strong>FaceReady</strong>
        {engine.state === 'ready' && <span class="badge" title={t('backendTitle')}>{engine.backend}</span>}
        {onHelp && (
          <button type="button" class="help" onClick={onHelp}>
            {t('help')}
          </button>
        )}
        <button type="button" class="collapse" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
          {collapsed ? t('show') : t('hide')}
        </button>
      </header>
      <p class="verdict" role="status" aria-live="polite" aria-atomic="true">
        {verdict.context && (
          <span class="context">
            {verdict.context}
            <span class="visually-hidden">: </span>
          </span>
        )}
        <span class="instruction">{verdict.text}</span>
      </p>
      {engine.state === 'ready' && engine.webglLost && <p class="notice">{t('webglLost')}</p>}
      {!collapsed && onProfileChange && <ProfilePicker profile={profile} locale={locale} onChange={onProfileChange} />}
      {!collapsed && rolePicker}
      {!collapsed && sourcePicker}
      {!collapsed && (
        <ExplainSection
          state={explain}
          method={store.explainMethod.value}
          limeMode={store.limeMode.value}
          onLimeModeChange={(mode) => (store.limeMode.value = mode)}
          live={analysis && { name: analysis.quality.label, probability: analysis.quality.confidence }}
          locale={locale}
          onMethodChange={onExplainMethodChange}
          onExplain={onExplain}
          onCancel={onCancelExplain}
          onClose={onCloseExplain}
        />
      )}
      {!collapsed && capture}
      {!collapsed && analysis && explain.status === 'idle' && (
        <details
          class="details-disclosure"
          open={detailsOpen}
          onToggle={(e) => {
            const open = (e.currentTarget as HTMLDetailsElement).open;
            if (open !== detailsOpen) setDetailsToggle({ open, overDefault: openByDefault });
          }}
        >
          <summary>{t('details')}</summary>
          <dl class="details">
            {readiness && (
              <>
                <dt>{t('checks')}</dt>
                <dd>
                  <ChecksList readiness={readiness} locale={locale} />
                </dd>
                <dt>{t('measures')}</dt>
                <dd>
                  <MeasuresList rows={measureRows(readiness, analysis.measures)} locale={locale} />
                </dd>
              </>
            )}
            <dt>{t('verdict')}</dt>
            <dd>
              {verdictWords(analysis.verdict, analysis.quality, locale)}
              <ul class="probabilities" aria-label={t('probabilities')}>
                {CLASS_NAMES.map((name) => (
                  <li key={name}>
                    <span>{t(`quality.${name}`)}</span>
                    <meter min={0} max={1} value={analysis.quality.probabilities[name]} />
                    <span>{Math.round(100 * analysis.quality.probabilities[name])}%</span>
                  </li>
                ))}
              </ul>
            </dd>
            {analysis.eyes && isGood(analysis.verdict) && (
              <>
                <dt>{t('eyes')}</dt>
                <dd>
                  {t('eyesDetail', {
                    stable: eyes.stable === 'uncertain' ? t('eyesChecking') : t(`eyes.${eyes.stable}`),
                    landmarks: t(`eyes.${analysis.eyes.landmarkState}`),
                    haar: cascadeWords(analysis.eyes, locale),
                  })}
                </dd>
              </>
            )}
            {face && (
              <>
                <dt>{t('face')}</dt>
                <dd>
                  {t('faceDetail', { width: Math.round(face.box.width), height: Math.round(face.box.height), percent: Math.round((100 * face.box.height) / analysis.height) })}
                </dd>
                <dt>{t('brightness')}</dt>
                <dd>{face.luminance === null ? t('unknown') : `${Math.round(face.luminance)} / 255`}</dd>
              </>
            )}
            <dt>{t('timings')}</dt>
            <dd>
              {t('timingsDetail', {
                detector: ms(analysis.timings.detectorMs),
                mesh: ms(analysis.timings.meshMs),
                iris: ms(analysis.timings.irisMs),
                classifier: ms(analysis.timings.classifierMs),
                eyes: ms(analysis.timings.eyesMs),
                transport: ms(analysis.timings.transportMs),
              })}
              {encode && t('timingPage', { page: ms(encode.blockMs) })}
            </dd>
          </dl>
        </details>
      )}
    </section>
  );
}
