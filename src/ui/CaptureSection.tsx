import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaptureController, HeldFrame } from '../capture/capture-controller';
import { DEFAULT_ALIGNMENT_CONFIG, alignmentTransform } from '../export/align-face';
import type { ExportImageFormat } from '../export/export-file-names';
import { frameEyeCentres } from '../export/prepare-export';
import { EXPLAIN_MESSAGES } from '../i18n/explain-messages';
import { EXPORT_MESSAGES } from '../i18n/export-messages';
import { translator, type Locale } from '../i18n/translate';
import { composePanelImage } from './explain/compose-panel';
import type { OverlayStore } from './overlay-store';
import { errorText } from '../error-text';

export interface CaptureSectionProps {
  controller: CaptureController;
  /** The overlay's store: whether the profile is shown as satisfied, and the explanation (saved with a capture when shown). */
  store: OverlayStore;
  locale: Locale;
}

const THUMBNAIL_SIZE = 96;

/** The frame as it will be exported (the aligned crop), drawn by the canvas from the held bitmap. */
function Thumbnail({ frame, label }: { frame: HeldFrame; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    // A bitmap released since this render has width 0 and cannot be drawn.
    if (!context || frame.bitmap.width === 0) return;
    context.resetTransform();
    context.fillStyle = '#000';
    context.fillRect(0, 0, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
    const eyes = frameEyeCentres(frame.analysis, frame.bitmap.width, frame.bitmap.height);
    if (eyes) {
      const t = alignmentTransform(eyes);
      const k = THUMBNAIL_SIZE / DEFAULT_ALIGNMENT_CONFIG.size;
      context.setTransform(k * t.a, k * t.b, -k * t.b, k * t.a, k * t.tx, k * t.ty);
      context.drawImage(frame.bitmap, 0, 0);
    } else {
      const k = Math.min(THUMBNAIL_SIZE / frame.bitmap.width, THUMBNAIL_SIZE / frame.bitmap.height);
      context.drawImage(frame.bitmap, 0, 0, frame.bitmap.width * k, frame.bitmap.height * k);
    }
  }, [frame]);
  return <canvas ref={ref} width={THUMBNAIL_SIZE} height={THUMBNAIL_SIZE} role="img" aria-label={label} style={{ width: `${THUMBNAIL_SIZE}px`, height: `${THUMBNAIL_SIZE}px`, borderRadius: '4px' }} />;
}

type SaveStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; files: string[] } | { state: 'failed'; error: string };

/**
 * "Best frame" (offered once the profile is satisfied), a manual "Capture" that works any time, and
 * Save: the aligned crop (PNG or JPEG), its JSON report and the open explanation, on the user's action only.
 */
export function CaptureSection({ controller, store, locale }: CaptureSectionProps) {
  const t = translator(EXPORT_MESSAGES, locale);
  const explain = store.explain.value;
  const ready = store.state.value.shown.ready.shown;
  const [format, setFormat] = useState<ExportImageFormat>('png');
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const best = controller.best.value;
  const manual = controller.manual.value;

  async function save(frame: HeldFrame) {
    setStatus({ state: 'saving' });
    try {
      const caption = explain.status === 'done' ? `${explain.predicted.name} ${Math.round(100 * explain.predicted.probability)}%` : '';
      const explanation = explain.status === 'done' ? { panel: composePanelImage(explain.set, { predicted: caption }, translator(EXPLAIN_MESSAGES, locale)), predicted: explain.predicted } : null;
      setStatus({ state: 'saved', files: await controller.save(frame, { format, explanation }) });
    } catch (error) {
      setStatus({ state: 'failed', error: errorText(error) });
    }
  }

  const offer = (frame: HeldFrame, caption: string) => (
    <figure style={{ display: 'flex', gap: '8px', alignItems: 'center', margin: '4px 0' }}>
      <Thumbnail frame={frame} label={t('thumbnail')} />
      <figcaption style={{ display: 'grid', gap: '4px', fontSize: '12px' }}>
        {caption}
        <button type="button" disabled={status.state === 'saving'} onClick={() => void save(frame)}>
          {t('save')}
        </button>
      </figcaption>
    </figure>
  );
  const score = (frame: HeldFrame) => Math.round(100 * (frame.readiness?.score ?? 0));
  // Nothing to capture or save before the first analysed frame.
  if (!best && !manual && !controller.canCapture.value) return null;

  return (
    <section class="capture" aria-label={t('section')} style={{ margin: '0 10px 10px', fontSize: '13px' }}>
      {best && offer(best, t(ready ? 'bestFrameScore' : 'bestFrameLast', { score: score(best) }))}
      {manual && offer(manual, t('captured'))}
      <div style={{ display: 'flex', gap: '8px', alignItems: 'center' }}>
        <button type="button" disabled={!controller.canCapture.value} onClick={() => controller.capture()}>
          {t('capture')}
        </button>
        <select aria-label={t('format')} value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as ExportImageFormat)}>
          <option value="png">{t('format.png')}</option>
          <option value="jpeg">{t('format.jpeg')}</option>
        </select>
      </div>
      {explain.status === 'done' && (best || manual) && <p style={{ margin: '4px 0', fontSize: '12px' }}>{t('withExplanation')}</p>}
      {status.state === 'saving' && <p style={{ margin: '4px 0' }}>{t('saving')}</p>}
      {status.state === 'saved' && (
        <p class="capture-saved" style={{ margin: '4px 0', fontSize: '12px', wordBreak: 'break-all' }}>
          {t('saved', { files: status.files.join(', ') })}
        </p>
      )}
      {status.state === 'failed' && (
        <p role="alert" style={{ margin: '4px 0' }}>
          {t('saveFailed', { error: status.error })}
        </p>
      )}
    </section>
  );
}
