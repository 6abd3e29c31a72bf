import { render } from 'preact';
import { CHECK_MESSAGES } from '@/src/i18n/check-messages';
import { translator } from '@/src/i18n/translate';
import { createExtensionCaptureController } from '@/src/ui/extension-capture';
import { currentLocale, explainMethod, limeSamples } from '@/src/extension/settings';
import { connectStillEngine } from '@/src/extension/still-engine';
import { parseCheckPageSearch } from '@/src/still-image/check-page-url';
import { CheckPage } from '@/src/ui/check/CheckPage';
import { createCheckStore, createStillChecker } from '@/src/ui/check/check-store';
import '@/src/ui/check/check.css';

async function main() {
  const [locale, samples, method] = await Promise.all([currentLocale(), limeSamples.getValue(), explainMethod.getValue()]);
  document.documentElement.lang = locale;
  document.title = translator(CHECK_MESSAGES, locale)('pageTitle');
  const store = createCheckStore(method);
  const engine = connectStillEngine({ onEngineState: (state) => store.dispatch({ type: 'engine-state', state }), onExplainEvent: store.dispatchExplain });
  const capture = createExtensionCaptureController();
  const checker = createStillChecker(store, engine, capture);
  render(
    <CheckPage
      store={store}
      locale={locale}
      onFile={(file, source) => void checker.checkFile(file, source)}
      onUrl={(src) => void checker.checkPageImage({ src })}
      onExplainMethodChange={(next) => {
        store.explainMethod.value = next;
        void explainMethod.setValue(next);
      }}
      onExplain={() => engine.explain(store.explainMethod.value, store.limeMode.value, samples)}
      onCancelExplain={engine.cancelExplain}
      onCloseExplain={() => store.dispatchExplain({ type: 'explain-closed' })}
      onSave={checker.save}
    />,
    document.getElementById('app')!,
  );
  // Opened from the context menu: check the image it was opened for.
  const image = parseCheckPageSearch(location.search);
  if (image) void checker.checkPageImage(image);
}

void main();
