import { signal } from '@preact/signals';
import type { VideoSourceInfo } from '../protocol/messages';
import { isReadable } from '../capture/video-sources';
import { SOURCE_MESSAGES } from '../i18n/source-messages';
import { translator, type Locale } from '../i18n/translate';
import { INITIAL_SOURCE_PICKER, reduceSourcePicker, sourceLabel, sourceOptionText } from './source-picker-state';

/** The picker's state as a signal, fed by the frame relay's onSources. */
export function createSourcePickerStore() {
  const state = signal(INITIAL_SOURCE_PICKER);
  return {
    state,
    update(sources: VideoSourceInfo[], sampledId: string | null) {
      state.value = reduceSourcePicker(state.value, sources, sampledId);
    },
  };
}
export type SourcePickerStore = ReturnType<typeof createSourcePickerStore>;

export interface SourcePickerProps {
  store: SourcePickerStore;
  locale: Locale;
  onPick(sourceId: string): void;
}

/** Which of the page's videos FaceReady checks: the user's camera, a remote participant, another video. */
export function SourcePicker({ store, locale, onPick }: SourcePickerProps) {
  const t = translator(SOURCE_MESSAGES, locale);
  const { sources, sampledId, ended } = store.state.value;
  if (sources.length === 0 && !ended) return null;
  return (
    <div class="source-picker">
      {sources.length > 0 && (
        <label>
          {t('picker.label')}{' '}
          <select value={sampledId ?? ''} onChange={(e) => onPick((e.target as HTMLSelectElement).value)}>
            {sampledId === null && (
              <option value="" disabled>
                {t('picker.choose')}
              </option>
            )}
            {sources.map((source) => (
              <option key={source.id} value={source.id} disabled={!isReadable(source)} title={source.detail}>
                {sourceOptionText(source, sources, t)}
              </option>
            ))}
          </select>
        </label>
      )}
      {ended && sampledId === null && <p class="source-ended">{t('ended', { source: sourceLabel(ended, [ended], t) })}</p>}
    </div>
  );
}
