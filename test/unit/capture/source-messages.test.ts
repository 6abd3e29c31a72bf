import { describe, expect, it } from 'vitest';
import { overlayToTap, tapMessage } from '../../../src/protocol/messages';

const source = { id: 'remote:t1', kind: 'remote', ordinal: 1, detail: '', unreadable: null };

describe('video source messages', () => {
  it('accepts a source list and a pick', () => {
    expect(tapMessage({ channel: 'faceready/tap', type: 'sources', sources: [source], sampledId: 'remote:t1' })).toBeNull();
    expect(tapMessage({ channel: 'faceready/tap', type: 'sources', sources: [], sampledId: null })).toBeNull();
    expect(tapMessage({ channel: 'faceready/tap', type: 'camera-started', streamId: 'remote:t1', label: '', kind: 'remote' })).toBeNull();
    expect(overlayToTap({ channel: 'faceready/overlay', type: 'select-source', sourceId: 'remote:t1' })).toBeNull();
  });

  it('rejects an unknown kind, a made-up reason, an oversized list and a pick without an id', () => {
    expect(tapMessage({ channel: 'faceready/tap', type: 'sources', sources: [{ ...source, kind: 'screen' }], sampledId: null })).toMatch(/kind must be one of/);
    expect(tapMessage({ channel: 'faceready/tap', type: 'sources', sources: [{ ...source, unreadable: 'sad' }], sampledId: null })).toMatch(/unreadable must be one of/);
    expect(tapMessage({ channel: 'faceready/tap', type: 'sources', sources: Array(33).fill(source), sampledId: null })).toMatch(/at most 32/);
    expect(tapMessage({ channel: 'faceready/tap', type: 'camera-started', streamId: 's', label: '' })).toMatch(/kind must be one of/);
    expect(overlayToTap({ channel: 'faceready/overlay', type: 'select-source', sourceId: null })).toMatch(/sourceId must be a string/);
  });
});
