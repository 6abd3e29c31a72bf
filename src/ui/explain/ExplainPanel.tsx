import { useEffect, useRef } from 'preact/hooks';
import type { RgbaImage } from '../../image';
import type { ExplainMessageKey } from '../../i18n/explain-messages';
import type { Translate } from '../../i18n/translate';
import type { CamResult } from '../../xai/cam/base-cam';
import type { CombinedResult } from '../../xai/combined';
import type { LimeResult } from '../../xai/lime';
import type { ExplainProgress } from '../../xai/types';
import { legendImage } from '../../xai/render';
import { putRgba } from '../put-rgba';
import { composePanelImage } from './compose-panel';
import { explanationViews } from './explanation-views';

export interface ExplainPanelProps {
  /** The frozen frame at the model's input size (what the explanations are of). */
  frame: RgbaImage;
  gradcam?: CamResult;
  lime?: LimeResult;
  combined?: CombinedResult;
  predictedClass: { name: string; probability: number };
  t: Translate<ExplainMessageKey>;
  /** Set while an explanation runs. */
  progress?: ExplainProgress | null;
  onCancel?: () => void;
  /** Gets the whole panel composed into one image (encode/download it with downloadPng). */
  onSave?: (panel: RgbaImage) => void;
}

/** Draws an RgbaImage into a canvas (the browser's ImageData has the same layout). */
function ImageCanvas({ image, label }: { image: RgbaImage; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (context) putRgba(context, image);
  }, [image]);
  return <canvas ref={ref} width={image.width} height={image.height} role="img" aria-label={label} style={{ width: '100%', height: 'auto', imageRendering: 'pixelated' }} />;
}

/** The explanation panel: the frame, Grad-CAM, LIME's top superpixels, the combined view, legend and class. */
export function ExplainPanel(props: ExplainPanelProps) {
  const { frame, gradcam, lime, combined, predictedClass, progress, onCancel, onSave, t } = props;
  const views = explanationViews({ frame, gradcam, lime, combined }, t);
  const caption = `${predictedClass.name} ${Math.round(100 * predictedClass.probability)}%`;
  return (
    <section aria-label={t('panel')} style={{ font: '13px/1.4 system-ui, sans-serif', color: '#111' }}>
      <p style={{ margin: '4px 0' }}>
        {t('predicted')} <strong>{caption}</strong>
      </p>
      {progress && (
        <div style={{ display: 'flex', gap: '8px', alignItems: 'center' }}>
          <label style={{ flex: 1 }}>
            {t(`stage.${progress.stage}`)}
            <progress max={1} value={progress.fraction} style={{ width: '100%' }} />
          </label>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t('cancel')}
            </button>
          )}
        </div>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '6px' }}>
        {views.map((view) => (
          <figure key={view.title} style={{ margin: 0 }}>
            <ImageCanvas image={view.image} label={view.title} />
            <figcaption>{view.title}</figcaption>
          </figure>
        ))}
      </div>
      {(gradcam || combined) && (
        <figure style={{ margin: '6px 0 0' }}>
          <ImageCanvas image={legendImage(2 * frame.width)} label={t('legendLabel')} />
          <figcaption>{t('legendCaption', { className: predictedClass.name })}</figcaption>
        </figure>
      )}
      {onSave && (
        <button type="button" disabled={!!progress} onClick={() => onSave(composePanelImage({ frame, gradcam, lime, combined }, { predicted: caption }, t))}>
          {t('savePng')}
        </button>
      )}
    </section>
  );
}
