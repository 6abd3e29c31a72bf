import type { CheckMessageKey } from '../../i18n/check-messages';
import type { Translate } from '../../i18n/translate';
import { CLASS_NAMES } from '../../model/classifier/constants';
import type { FrameAnalysis } from '../../protocol/messages';
import type { CheckId } from '../../workflow/readiness';
import type { HintId, Readiness } from '../../workflow/types';
import type { Size } from './check-state';

export interface StillResultProps {
  t: Translate<CheckMessageKey>;
  analysis: FrameAnalysis;
  readiness: Readiness;
  size: Size;
  original: Size;
  wordHint(hint: HintId): string;
}

/** The ID-photo profile's checks on one still, its hints and the class probabilities. */
export function StillResult({ t, analysis, readiness, size, original, wordHint }: StillResultProps) {
  const status = (passed: boolean | null) => (passed === null ? t('notMeasured') : t(passed ? 'passed' : 'failed'));
  return (
    <div class="result">
      <p class="size">{t('checkedSize', { ...size, originalWidth: original.width, originalHeight: original.height })}</p>
      {readiness.hints.length > 0 && (
        <>
          <h2>{t('hintsTitle')}</h2>
          <ol class="hints">
            {readiness.hints.map((hint) => (
              <li key={hint}>{wordHint(hint)}</li>
            ))}
          </ol>
        </>
      )}
      <h2>{t('checksTitle')}</h2>
      <table class="checks">
        <tbody>
          {readiness.checks.map((check) => (
            <tr key={check.id} class={check.passed === null ? 'unmeasured' : check.passed ? 'passed' : 'failed'}>
              <th scope="row">{t(`check.${check.id as CheckId}`)}</th>
              <td>{status(check.passed)}</td>
              <td>{t('checkValue', { value: check.value === null ? '–' : String(check.value), threshold: check.threshold })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('probabilitiesTitle')}</h2>
      <ul class="probabilities" aria-label={t('probabilitiesTitle')}>
        {CLASS_NAMES.map((name) => (
          <li key={name}>
            <span>{t(`class.${name}`)}</span>
            <meter min={0} max={1} value={analysis.quality.probabilities[name]} />
            <span>{Math.round(100 * analysis.quality.probabilities[name])}%</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
