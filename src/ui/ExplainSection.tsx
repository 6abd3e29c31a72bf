import type { ExplainMethod } from '../xai/explain-set';
import { EXPLAIN_METHODS } from '../xai/explain-set';
import { ExplainPanel } from './explain/ExplainPanel';
import { downloadPng } from './explain/download-png';
import type { ExplainUiState, PredictedClass } from './explain-state';

export interface ExplainSectionProps {
  state: ExplainUiState;
  method: ExplainMethod;
  /** The live verdict on the frame being explained (null until a frame has been analysed: nothing to explain yet). */
  live: PredictedClass | null;
  onMethodChange(method: ExplainMethod): void;
  onExplain(): void;
  onCancel(requestId: number): void;
  onClose(): void;
}

const METHOD_LABELS: Record<ExplainMethod, string> = { combined: 'Grad-CAM + LIME', gradcam: 'Grad-CAM', lime: 'LIME', all: 'All three' };

/** The overlay's "Explain" control and, once asked, the explanation of the frozen frame. */
export function ExplainSection({ state, method, live, onMethodChange, onExplain, onCancel, onClose }: ExplainSectionProps) {
  if (state.status === 'idle') {
    return (
      <div class="explain-controls">
        <select aria-label="Explanation method" value={method} onChange={(e) => onMethodChange((e.target as HTMLSelectElement).value as ExplainMethod)}>
          {EXPLAIN_METHODS.map((m) => (
            <option key={m} value={m}>
              {METHOD_LABELS[m]}
            </option>
          ))}
        </select>
        <button type="button" disabled={!live} onClick={onExplain}>
          Explain
        </button>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div class="explain-controls">
        <p role="alert">Explanation failed: {state.error}</p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }
  if (state.status === 'running' && !state.frame) {
    return (
      <div class="explain-controls">
        <span>Freezing the frame…</span>
        <button type="button" onClick={() => onCancel(state.requestId)}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <div class="explain">
      {state.status === 'running' ? (
        <ExplainPanel
          frame={state.frame!}
          predictedClass={live ?? { name: 'unknown', probability: 0 }}
          progress={state.progress ?? { stage: 'gradcam', fraction: 0 }}
          onCancel={() => onCancel(state.requestId)}
        />
      ) : (
        <>
          <ExplainPanel {...state.set} predictedClass={state.predicted} onSave={(panel) => void downloadPng(panel, 'faceready-explanation.png')} />
          <p class="explain-time">Computed in {(state.ms / 1000).toFixed(1)} s on this machine.</p>
          <button type="button" onClick={onClose}>
            Close and resume
          </button>
        </>
      )}
    </div>
  );
}
