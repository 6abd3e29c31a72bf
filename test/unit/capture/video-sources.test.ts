import { describe, expect, it } from 'vitest';
import { AUTO_SELECTION, audienceOf, createSourceRegistry, pickSource, sampledSourceId, type SourceSelection } from '../../../src/capture/video-sources';
import type { SourceKind, VideoSourceInfo } from '../../../src/protocol/messages';

const info = (id: string, kind: SourceKind, readable = true): VideoSourceInfo => ({ id, kind, ordinal: 1, detail: '', unreadable: readable ? null : 'cross-origin' });

describe('createSourceRegistry', () => {
  it('numbers sources per kind without reusing numbers, and lists them oldest first', () => {
    const registry = createSourceRegistry<string>();
    registry.add('camera:a', 'camera', 'Fake camera', null, 'a');
    expect(registry.add('remote:x', 'remote', '', null, 'x').ordinal).toBe(1);
    registry.end('remote:x');
    expect(registry.add('remote:y', 'remote', '', null, 'y').ordinal).toBe(2);
    expect(registry.add('video:1', 'video', 'https://other.example/clip.webm', 'cross-origin', 'v')).toEqual({
      id: 'video:1', kind: 'video', ordinal: 1, detail: 'https://other.example/clip.webm', unreadable: 'cross-origin',
    });
    expect(registry.infos().map((s) => s.id)).toEqual(['camera:a', 'remote:y', 'video:1']);
    expect(registry.get('remote:y')?.payload).toBe('y');
    expect(registry.size).toBe(3);
  });

  it('ends a source once: a second end reports nothing', () => {
    const registry = createSourceRegistry<number>();
    registry.add('camera:a', 'camera', '', null, 1);
    expect(registry.end('camera:a')?.payload).toBe(1);
    expect(registry.end('camera:a')).toBeNull();
    expect(registry.get('camera:a')).toBeNull();
    expect(registry.size).toBe(0);
  });
});

describe('sampledSourceId', () => {
  it('automatically takes the newest camera, else the first remote participant, never an unreadable or page video', () => {
    expect(sampledSourceId([], AUTO_SELECTION)).toBeNull();
    expect(sampledSourceId([info('video:1', 'video')], AUTO_SELECTION)).toBeNull();
    expect(sampledSourceId([info('remote:1', 'remote'), info('remote:2', 'remote')], AUTO_SELECTION)).toBe('remote:1');
    expect(sampledSourceId([info('remote:1', 'remote', false), info('remote:2', 'remote')], AUTO_SELECTION)).toBe('remote:2');
    const all = [info('camera:a', 'camera'), info('remote:1', 'remote'), info('camera:b', 'camera')];
    expect(sampledSourceId(all, AUTO_SELECTION)).toBe('camera:b');
  });

  it('takes the first remote participant first for a doctor, the camera while nobody has joined', () => {
    const doctor: SourceSelection = { mode: 'auto', prefer: 'remote' };
    expect(sampledSourceId([info('camera:a', 'camera'), info('remote:1', 'remote'), info('remote:2', 'remote')], doctor)).toBe('remote:1');
    expect(sampledSourceId([info('camera:a', 'camera')], doctor)).toBe('camera:a');
    expect(sampledSourceId([info('camera:a', 'camera'), info('remote:1', 'remote', false)], doctor)).toBe('camera:a');
  });

  it('keeps a picked source while it lives', () => {
    const all = [info('camera:a', 'camera'), info('remote:1', 'remote'), info('video:1', 'video')];
    expect(sampledSourceId(all, { mode: 'picked', id: 'remote:1', kind: 'remote' })).toBe('remote:1');
    expect(sampledSourceId(all, { mode: 'picked', id: 'video:1', kind: 'video' })).toBe('video:1');
  });

  it('does not replace a picked participant who left with someone else’s video', () => {
    const left: SourceSelection = { mode: 'picked', id: 'remote:1', kind: 'remote' };
    expect(sampledSourceId([info('camera:a', 'camera'), info('remote:2', 'remote')], left)).toBeNull();
    expect(sampledSourceId([info('camera:a', 'camera')], { mode: 'picked', id: 'video:1', kind: 'video' })).toBeNull();
  });

  it('follows a picked camera to the page’s other or reopened camera stream', () => {
    const picked: SourceSelection = { mode: 'picked', id: 'camera:a', kind: 'camera' };
    expect(sampledSourceId([info('remote:1', 'remote')], picked)).toBeNull();
    expect(sampledSourceId([info('remote:1', 'remote'), info('camera:b', 'camera')], picked)).toBe('camera:b');
  });
});

describe('pickSource', () => {
  const all = [info('camera:a', 'camera'), info('remote:1', 'remote'), info('video:1', 'video', false)];

  it('picks a readable source by id and remembers its kind', () => {
    expect(pickSource(all, 'remote:1', AUTO_SELECTION)).toEqual({ mode: 'picked', id: 'remote:1', kind: 'remote' });
  });

  it('refuses a source that cannot be read or is gone, keeping the current selection', () => {
    const current: SourceSelection = { mode: 'picked', id: 'camera:a', kind: 'camera' };
    expect(pickSource(all, 'video:1', current)).toBe(current);
    expect(pickSource(all, 'remote:9', AUTO_SELECTION)).toBe(AUTO_SELECTION);
  });
});

describe('audienceOf', () => {
  it('is the user for the camera and someone else for any other video', () => {
    expect(audienceOf('camera')).toBe('self');
    expect(audienceOf('remote')).toBe('other');
    expect(audienceOf('video')).toBe('other');
  });
});
