import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { largestFace } from '../model/measures/largest-face';
import { CLASS_NAMES } from '../model/classifier/constants';
import type { Locale } from '../i18n/translate';
import type { ExplainMethod } from '../xai/explain-set';
import { ExplainSection } from './ExplainSection';
import type { OverlayStore } from './overlay-store';
import { faceHints, isGood, qualityWords } from './overlay-state';

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
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The live FaceReady panel: a movable card whose status line is an ARIA live region. */
export function Overlay({ store, locale, onExplainMethodChange, onExplain, onCancelExplain, onCloseExplain, sourcePicker }: OverlayProps) {
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const [collapsed, setCollapsed] = useState(false);
  const drag = useRef<{ startX: number; startY: number; from: { x: number; y: number } } | null>(null);
  const { engine, analysis, eyes } = store.state.value;
  const verdict = store.verdict.value;
  const face = analysis && largestFace(analysis.faces);
  const hints = analysis && face ? faceHints(analysis, face) : null;
  const encode = store.encodeTiming.value;
  const explain = store.explain.value;

  return (
    <section class={`panel tone-${verdict.tone}${explain.status === 'idle' ? '' : ' wide'}`} style={{ transform: `translate(${offset.x}px, ${offset.y}px)` }} aria-label="FaceReady">
      <header
        class="handle"
        onPointerDown={(e) => {
          (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
          drag.current = { startX: e.clientX, startY: e.clientY, from: offset };
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d) setOffset({ x: d.from.x + e.clientX - d.startX, y: d.from.y + e.clientY - d.startY });
        }}
        onPointerUp={() => (drag.current = null)}
      >
        <strong>FaceReady</strong>
        {engine.state === 'ready' && <span class="badge" title="TensorFlow.js backend">{engine.backend}</span>}
        <button type="button" class="collapse" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
          {collapsed ? 'Show' : 'Hide'}
        </button>
      </header>
      <p class="verdict" role="status" aria-live="polite" aria-atomic="true">
        {verdict.text}
      </p>
      {!collapsed && sourcePicker}
      {!collapsed && (
        <ExplainSection
          state={explain}
          method={store.explainMethod.value}
          live={analysis && { name: analysis.quality.label, probability: analysis.quality.confidence }}
          locale={locale}
          onMethodChange={onExplainMethodChange}
          onExplain={onExplain}
          onCancel={onCancelExplain}
          onClose={onCloseExplain}
        />
      )}
      {!collapsed && analysis && explain.status === 'idle' && (
        <dl class="details">
          <dt>Quality</dt>
          <dd>
            {qualityWords(analysis.quality)}
            <ul class="probabilities" aria-label="Class probabilities">
              {CLASS_NAMES.map((name) => (
                <li key={name}>
                  <span>{name}</span>
                  <meter min={0} max={1} value={analysis.quality.probabilities[name]} />
                  <span>{Math.round(100 * analysis.quality.probabilities[name])}%</span>
                </li>
              ))}
            </ul>
          </dd>
          {analysis.eyes && isGood(analysis.quality) && (
            <>
              <dt>Eyes</dt>
              <dd>
                {eyes.stable === 'uncertain' ? 'checking…' : eyes.stable} (this frame: landmarks {analysis.eyes.landmarkState}, Haar cascade{' '}
                {analysis.eyes.haarState})
              </dd>
            </>
          )}
          {face && hints && (
            <>
              <dt>Face</dt>
              <dd>
                {Math.round(face.box.width)}×{Math.round(face.box.height)} px ({Math.round((100 * face.box.height) / analysis.height)}% of frame height)
              </dd>
              <dt>Brightness</dt>
              <dd>{face.luminance === null ? 'unknown' : `${Math.round(face.luminance)} / 255`}</dd>
            </>
          )}
          <dt>Timings</dt>
          <dd>
            detector {ms(analysis.timings.detectorMs)}, mesh {ms(analysis.timings.meshMs)}, iris {ms(analysis.timings.irisMs)}, classifier{' '}
            {ms(analysis.timings.classifierMs)}, eyes {ms(analysis.timings.eyesMs)}, transport{' '}
            {ms(analysis.timings.transportMs)}
            {encode && `, page ${ms(encode.blockMs)}`}
          </dd>
        </dl>
      )}
    </section>
  );
}
