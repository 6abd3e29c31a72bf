import { useEffect, useState } from 'preact/hooks';
import { LIME_SAMPLE_LIMITS, SAMPLING_FPS_LIMITS, UI_LANGUAGES } from '../../extension/setting-values';
import { backendChoice, explainMethod, limeSamples, samplingFps, uiLanguage } from '../../extension/settings';
import { BACKEND_CHOICES } from '../../engine/backend-choice';
import { EXPLAIN_MESSAGES } from '../../i18n/explain-messages';
import { SETTINGS_MESSAGES } from '../../i18n/settings-messages';
import { LOCALE_NAMES, translator } from '../../i18n/translate';
import { EXPLAIN_METHODS } from '../../xai/explain-method';
import { DocLinks } from '../DocLinks';
import { ChoiceSetting } from './ChoiceSetting';
import { NumberSetting } from './NumberSetting';
import { ProfilesSection } from './ProfilesSection';
import { SitesSection } from './SitesSection';
import { useLocale } from './use-locale';

/** The options page: every setting FaceReady keeps, each saved as soon as it is changed. */
export function OptionsPage() {
  const locale = useLocale();
  const [message, setMessage] = useState('');
  const t = locale && translator(SETTINGS_MESSAGES, locale);
  useEffect(() => {
    if (t) document.title = t('options.title');
  }, [locale]);
  if (!locale || !t) return null;
  const explainWords = translator(EXPLAIN_MESSAGES, locale);
  const saved = () => setMessage(t('saved'));

  return (
    <main>
      <h1>{t('options.title')}</h1>
      <SitesSection t={t} notify={setMessage} />
      <ProfilesSection locale={locale} t={t} notify={setMessage} />
      <section aria-labelledby="analysis-heading">
        <h2 id="analysis-heading">{t('analysis.heading')}</h2>
        <NumberSetting id="sampling-fps" label={t('samplingFps')} hint={t('analysis.fpsHint', SAMPLING_FPS_LIMITS)} limits={SAMPLING_FPS_LIMITS} item={samplingFps} t={t} onSaved={saved} managedNote={t('managed')} />
        <ChoiceSetting
          id="backend"
          label={t('analysis.backend')}
          hint={t('analysis.backendHint')}
          choices={BACKEND_CHOICES}
          choiceLabel={(choice) => t(`backend.${choice}`)}
          item={backendChoice}
          onSaved={saved}
          managedNote={t('managed')}
        />
      </section>
      <section aria-labelledby="explain-heading">
        <h2 id="explain-heading">{t('explain.heading')}</h2>
        <ChoiceSetting id="explain-method" label={t('explain.method')} choices={EXPLAIN_METHODS} choiceLabel={(method) => explainWords(`method.${method}`)} item={explainMethod} onSaved={saved} managedNote={t('managed')} />
        <NumberSetting id="lime-samples" label={t('explain.limeSamples')} hint={t('explain.limeHint', LIME_SAMPLE_LIMITS)} limits={LIME_SAMPLE_LIMITS} item={limeSamples} t={t} onSaved={saved} managedNote={t('managed')} />
      </section>
      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{t('language.heading')}</h2>
        <ChoiceSetting
          id="language"
          label={t('language.label')}
          hint={t('language.hint')}
          choices={UI_LANGUAGES}
          choiceLabel={(choice) => (choice === 'auto' ? t('language.auto') : LOCALE_NAMES[choice])}
          item={uiLanguage}
          onSaved={saved}
          managedNote={t('managed')}
        />
      </section>
      <DocLinks t={t} />
      <p class="status" role="status" aria-live="polite">
        {message}
      </p>
    </main>
  );
}
