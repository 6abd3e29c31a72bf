import type { CheckMessageKey } from '../../i18n/check-messages';
import { measureName } from '../../i18n/measure-messages';
import type { Locale, Translate } from '../../i18n/translate';
import { CLASS_NAMES } from '../../model/classifier/constants';
import type { FrameAnalysis } from '../../protocol/messages';
import type { CheckId, HintId, Readiness } from '../../workflow/types';
import { checkStatus, measureRows, otherChecks } from '../measure-rows';
import type { Size } from './check-state';

export interface StillResultProps {
  t: Translate<CheckMessageKey>;
  locale: Locale;
  analysis: FrameAnalysis;
  readiness: Readiness;
  size: Size;
  original: Size;
  wordHint(hint: HintId): string;
}

/** The ID-photo profile's checks on one still, every quality measure, its hints and the class probabilities. */
export function StillResult({ t, locale, analysis, readiness, size, original, wordHint }: StillResultProps) {
  const words = { passed: t('passed'), failed: t('failed'), unmeasured: t('notMeasured'), unbanded: t('noThreshold') };
  const rows = measureRows(readiness, analysis.measures);
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
          {otherChecks(readiness).map((check) => (
            <tr key={check.id} class={checkStatus(check)}>
              <th scope="row">{t(`check.${check.id as CheckId}`)}</th>
              <td>{words[checkStatus(check)]}</td>
              <td>{t('checkValue', { value: check.value === null ? '–' : String(check.value), threshold: check.threshold })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('measuresTitle')}</h2>
      {rows.length === 0 ? (
        <p class="measures-none">{t('measuresNotComputed')}</p>
      ) : (
        <table class="checks measures">
          <thead>
            <tr>
              <th scope="col">{t('measureColumn')}</th>
              <th scope="col">{t('statusColumn')}</th>
              <th scope="col">{t('valueColumn')}</th>
              <th scope="col">{t('scoreColumn')}</th>
              <th scope="col">{t('thresholdColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} class={row.status} data-measure={row.id}>
                <th scope="row">{measureName(row.id, locale)}</th>
                <td>{words[row.status]}</td>
                <td>{row.raw ?? '–'}</td>
                <td>{row.score ?? '–'}</td>
                <td>{row.threshold ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
