import { useEffect } from 'preact/hooks';
import { CHECK_MESSAGES } from '../../i18n/check-messages';
import { translator, type Locale } from '../../i18n/translate';
import type { ExportOptions } from '../../capture/capture-controller';
import type { HintId } from '../../workflow/types';
import type { ExplainMethod } from '../../xai/explain-set';
import { ExplainSection } from '../ExplainSection';
import { verdictWords } from '../overlay-state';
import { checkVerdict, type StillSource } from './check-state';
import type { CheckStore } from './check-store';
import { DropArea } from './DropArea';
import { SaveStill } from './SaveStill';
import { StillResult } from './StillResult';

export interface CheckPageProps {
  store: CheckStore;
  locale: Locale;
  onFile(file: Blob, source: StillSource): void;
  onUrl(url: string): void;
  onExplainMethodChange(method: ExplainMethod): void;
  onExplain(): void;
  onCancelExplain(requestId: number): void;
  onCloseExplain(): void;
  onSave(options: ExportOptions): Promise<string[]>;
}

/** A still from the clipboard: its image file, or whatever else it holds (so that gets a message too). */
function pastedBlob(data: DataTransfer): Blob | null {
  const file = data.files[0];
  if (file) return file;
  const text = data.getData('text/plain');
  return text ? new Blob([text], { type: 'text/plain' }) : null;
}

/** A URL as the page names its image: data: URLs can be megabytes long. */
const shortUrl = (url: string) => (url.length > 160 ? `${url.slice(0, 159)}…` : url);

/** The still-image check: drop/paste/pick an image, the verdict in a live region, checks, probabilities and Explain. */
export function CheckPage({ store, locale, onFile, onUrl, onExplainMethodChange, onExplain, onCancelExplain, onCloseExplain, onSave }: CheckPageProps) {
  const t = translator(CHECK_MESSAGES, locale);
  const wordHint = (hint: HintId) => t(`hint.${hint}`);
  const state = store.state.value;
  const { still } = state;
  const verdict = checkVerdict(state, t, wordHint, (analysis) => verdictWords(analysis.verdict, analysis.quality, locale));
  const explain = store.explain.value;

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const blob = event.clipboardData && pastedBlob(event.clipboardData);
      if (!blob) return;
      event.preventDefault();
      onFile(blob, blob instanceof File && blob.name ? { kind: 'file', name: blob.name } : { kind: 'paste' });
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [onFile]);

  const shown = still.status === 'analysing' || still.status === 'done';
  const sourceName = still.status === 'empty' || !still.source ? null : still.source.kind === 'file' ? still.source.name : still.source.kind === 'url' ? shortUrl(still.source.url) : t('pasted');
  return (
    <main class={`check tone-${verdict.tone}`}>
      <h1>{t('pageTitle')}</h1>
      <p>{t('intro')}</p>
      <DropArea t={t} onFile={(file) => onFile(file, { kind: 'file', name: file.name })} onUrl={onUrl} />
      <p class="verdict" role="status" aria-live="polite" aria-atomic="true">
        {verdict.text}
      </p>
      {sourceName && <p class="source">{t('source', { name: sourceName })}</p>}
      <div class="columns">
        {shown && store.preview.value && <img class="preview" src={store.preview.value} alt="" />}
        {still.status === 'done' && (
          <StillResult t={t} locale={locale} analysis={still.analysis} readiness={still.readiness} size={still.size} original={still.original} wordHint={wordHint} />
        )}
      </div>
      {still.status === 'done' && (
        <ExplainSection
          state={explain}
          method={store.explainMethod.value}
          limeMode={store.limeMode.value}
          onLimeModeChange={(mode) => (store.limeMode.value = mode)}
          live={{ name: still.analysis.quality.label, probability: still.analysis.quality.confidence }}
          locale={locale}
          onMethodChange={onExplainMethodChange}
          onExplain={onExplain}
          onCancel={onCancelExplain}
          onClose={onCloseExplain}
        />
      )}
      {still.status === 'done' && store.held.value && <SaveStill locale={locale} explain={explain} onSave={onSave} />}
    </main>
  );
}
