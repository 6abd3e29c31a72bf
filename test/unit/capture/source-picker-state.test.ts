import { describe, expect, it } from 'vitest';
import { SOURCE_MESSAGES } from '../../../src/i18n/source-messages';
import { translator } from '../../../src/i18n/translate';
import type { SourceKind, UnreadableReason, VideoSourceInfo } from '../../../src/protocol/messages';
import { INITIAL_SOURCE_PICKER, reduceSourcePicker, sourceLabel, sourceOptionText } from '../../../src/ui/source-picker-state';

const info = (id: string, kind: SourceKind, ordinal = 1, unreadable: UnreadableReason | null = null): VideoSourceInfo => ({ id, kind, ordinal, detail: '', unreadable });
const en = translator(SOURCE_MESSAGES, 'en');
const de = translator(SOURCE_MESSAGES, 'de');

describe('reduceSourcePicker', () => {
  const camera = info('camera:a', 'camera');
  const remote = info('remote:1', 'remote');

  it('remembers the analysed source that ended with nothing in its place, until a source is analysed again', () => {
    let state = reduceSourcePicker(INITIAL_SOURCE_PICKER, [camera, remote], 'remote:1');
    expect(state.ended).toBeNull();
    state = reduceSourcePicker(state, [camera], null);
    expect(state).toEqual({ sources: [camera], sampledId: null, ended: remote });
    state = reduceSourcePicker(state, [camera, info('remote:2', 'remote', 2)], null);
    expect(state.ended).toBe(remote);
    state = reduceSourcePicker(state, [camera], 'camera:a');
    expect(state.ended).toBeNull();
  });

  it('does not call a source ended when analysis moved on to another one', () => {
    const state = reduceSourcePicker(reduceSourcePicker(INITIAL_SOURCE_PICKER, [camera, remote], 'remote:1'), [camera], 'camera:a');
    expect(state.ended).toBeNull();
  });
});

describe('source labels', () => {
  it('names the camera, each remote participant by number and other videos', () => {
    const sources = [info('camera:a', 'camera'), info('remote:1', 'remote', 1), info('remote:3', 'remote', 3), info('video:1', 'video')];
    expect(sources.map((s) => sourceLabel(s, sources, en))).toEqual(['Your camera', 'Remote participant 1', 'Remote participant 3', 'Video 1 on the page']);
    expect(sourceLabel(sources[1], sources, de)).toBe('Gesprächspartner 1');
  });

  it('numbers the camera only when the page holds several camera streams', () => {
    const sources = [info('camera:a', 'camera', 1), info('camera:b', 'camera', 2)];
    expect(sources.map((s) => sourceLabel(s, sources, en))).toEqual(['Your camera 1', 'Your camera 2']);
  });

  it('says why a video cannot be read', () => {
    const tainted = info('video:2', 'video', 2, 'cross-origin');
    expect(sourceOptionText(tainted, [tainted], en)).toBe('Video 2 on the page (cannot be read: from another site)');
    const protectedVideo = info('video:3', 'video', 3, 'protected');
    expect(sourceOptionText(protectedVideo, [protectedVideo], de)).toBe('Video 3 auf der Seite (nicht lesbar: kopiergeschützt)');
  });
});
