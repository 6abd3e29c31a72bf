import { useState } from 'preact/hooks';
import type { ExportOptions } from '../../capture/capture-controller';
import type { ExportImageFormat } from '../../export/export-file-names';
import { EXPLAIN_MESSAGES } from '../../i18n/explain-messages';
import { EXPORT_MESSAGES } from '../../i18n/export-messages';
import { translator, type Locale } from '../../i18n/translate';
import type { ExplainUiState } from '../explain-state';
import { composePanelImage } from '../explain/compose-panel';
import { errorText } from '../../error-text';

export interface SaveStillProps {
  locale: Locale;
  /** The explanation state: a finished explanation is saved with the photo. */
  explain: ExplainUiState;
  onSave(options: ExportOptions): Promise<string[]>;
}

type SaveStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; files: string[] } | { state: 'failed'; error: string };

/** Save the checked photo as the export does: the face-aligned crop, its JSON report and the open explanation. */
export function SaveStill({ locale, explain, onSave }: SaveStillProps) {
  const t = translator(EXPORT_MESSAGES, locale);
  const [format, setFormat] = useState<ExportImageFormat>('png');
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  async function save() {
    setStatus({ state: 'saving' });
    try {
      const caption = explain.status === 'done' ? `${explain.predicted.name} ${Math.round(100 * explain.predicted.probability)}%` : '';
      const explanation = explain.status === 'done' ? { panel: composePanelImage(explain.set, { predicted: caption }, translator(EXPLAIN_MESSAGES, locale)), predicted: explain.predicted } : null;
      setStatus({ state: 'saved', files: await onSave({ format, explanation }) });
    } catch (error) {
      setStatus({ state: 'failed', error: errorText(error) });
    }
  }
  return (
    <section class="save" aria-label={t('section')}>
      <select aria-label={t('format')} value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as ExportImageFormat)}>
        <option value="png">{t('format.png')}</option>
        <option value="jpeg">{t('format.jpeg')}</option>
      </select>{' '}
      <button type="button" disabled={status.state === 'saving'} onClick={() => void save()}>
        {t('save')}
      </button>
      {explain.status === 'done' && <span> {t('withExplanation')}</span>}
      <p class="save-status">
        {status.state === 'saving' && t('saving')}
        {status.state === 'saved' && t('saved', { files: status.files.join(', ') })}
        {status.state === 'failed' && t('saveFailed', { error: status.error })}
      </p>
    </section>
  );
}
