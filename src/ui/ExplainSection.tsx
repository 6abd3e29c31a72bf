import { EXPLAIN_MESSAGES } from '../i18n/explain-messages';
import { translator, type Locale } from '../i18n/translate';
import { EXPLAIN_METHODS, type ExplainMethod, type LimeMode } from '../xai/explain-method';
import { ExplainPanel } from './explain/ExplainPanel';
import { downloadPng } from './explain/download-png';
import type { ExplainUiState, PredictedClass } from './explain-state';

export interface ExplainSectionProps {
  state: ExplainUiState;
  method: ExplainMethod;
  limeMode: LimeMode;
  /** The live verdict on the frame being explained (null until a frame has been analysed: nothing to explain yet). */
  live: PredictedClass | null;
  locale: Locale;
  onMethodChange(method: ExplainMethod): void;
  onLimeModeChange(mode: LimeMode): void;
  onExplain(): void;
  onCancel(requestId: number): void;
  onClose(): void;
}

/** The overlay's "Explain" control and, once asked, the explanation of the frozen frame. */
export function ExplainSection({ state, method, limeMode, live, locale, onMethodChange, onLimeModeChange, onExplain, onCancel, onClose }: ExplainSectionProps) {
  const t = translator(EXPLAIN_MESSAGES, locale);
  if (state.status === 'idle') {
    return (
      <div class="explain-controls">
        <select aria-label={t('methodLabel')} value={method} onChange={(e) => onMethodChange((e.target as HTMLSelectElement).value as ExplainMethod)}>
          {EXPLAIN_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`method.${m}`)}
            </option>
          ))}
        </select>
        {method !== 'gradcam' && (
          <label>
            <input type="checkbox" checked={limeMode === 'reference'} onChange={(e) => onLimeModeChange((e.target as HTMLInputElement).checked ? 'reference' : 'fast')} />
            {t('referenceLime')}
          </label>
        )}
        <button type="button" disabled={!live} onClick={onExplain}>
          {t('explain')}
        </button>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div class="explain-controls">
        <p role="alert">{state.engineLost ? t('engineLost') : t('failed', { error: state.error })}</p>
        {state.engineLost && (
          <button type="button" onClick={onExplain}>
            {t('retry')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    );
  }
  if (state.status === 'running' && !state.frame) {
    return (
      <div class="explain-controls">
        <span>{t('freezing')}</span>
        <button type="button" onClick={() => onCancel(state.requestId)}>
          {t('cancel')}
        </button>
      </div>
    );
  }
  const seconds = state.status === 'done' ? new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(state.ms / 1000) : '';
  return (
    <div class="explain">
      {state.status === 'running' ? (
        <>
          {/* the explanations ready so far (Grad-CAM first) stay on screen while the rest are computed */}
          <ExplainPanel
            {...state.partial}
            frame={state.frame!}
            predictedClass={live ?? { name: t('unknownClass'), probability: 0 }}
            progress={state.progress ?? { stage: 'gradcam', fraction: 0 }}
            onCancel={() => onCancel(state.requestId)}
            t={t}
          />
          {state.partial && <p class="explain-refining">{t('refining', { mode: t(`limeMode.${state.limeMode}`) })}</p>}
        </>
      ) : (
        <>
          <ExplainPanel {...state.set} predictedClass={state.predicted} onSave={(panel) => void downloadPng(panel, 'faceready-explanation.png')} t={t} />
          <p class="explain-time">{t('computedIn', { seconds, mode: state.method === 'gradcam' ? t('method.gradcam') : t(`limeMode.${state.limeMode}`) })}</p>
          <button type="button" onClick={onClose}>
            {t('closeAndResume')}
          </button>
        </>
      )}
    </div>
  );
}
