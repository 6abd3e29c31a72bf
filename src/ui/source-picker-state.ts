/**
 * The overlay's view of the page's videos: the list the tap reports, the one analysed, and the one
 * the user had picked if it has ended (so the overlay can say so). Pure, unit-tested in Node.
 */
import type { VideoSourceInfo } from '../protocol/messages';
import type { SourceMessageKey } from '../i18n/source-messages';
import type { Translate } from '../i18n/translate';

export interface SourcePickerState {
  sources: VideoSourceInfo[];
  sampledId: string | null;
  /** The analysed source that ended with nothing taking its place; cleared once a source is analysed again. */
  ended: VideoSourceInfo | null;
}

export const INITIAL_SOURCE_PICKER: SourcePickerState = { sources: [], sampledId: null, ended: null };

export function reduceSourcePicker(state: SourcePickerState, sources: VideoSourceInfo[], sampledId: string | null): SourcePickerState {
  if (sampledId !== null) return { sources, sampledId, ended: null };
  const lost = state.sampledId !== null && !sources.some((s) => s.id === state.sampledId) ? state.sources.find((s) => s.id === state.sampledId) : undefined;
  return { sources, sampledId, ended: lost ?? state.ended };
}

/** "Your camera" (numbered when the page holds several), "Remote participant 2", "Video 1 on the page". */
export function sourceLabel(source: VideoSourceInfo, sources: VideoSourceInfo[], t: Translate<SourceMessageKey>): string {
  switch (source.kind) {
    case 'camera': {
      const cameras = sources.filter((s) => s.kind === 'camera');
      const position = cameras.findIndex((s) => s.id === source.id);
      return cameras.length > 1 && position >= 0 ? t('source.camera-numbered', { n: position + 1 }) : t('source.camera');
    }
    case 'remote':
      return t('source.remote', { n: source.ordinal });
    case 'video':
      return t('source.video', { n: source.ordinal });
  }
}

/** The label with, for a video FaceReady may not read, the reason. */
export function sourceOptionText(source: VideoSourceInfo, sources: VideoSourceInfo[], t: Translate<SourceMessageKey>): string {
  const label = sourceLabel(source, sources, t);
  return source.unreadable ? t(`unreadable.${source.unreadable}`, { source: label }) : label;
}
