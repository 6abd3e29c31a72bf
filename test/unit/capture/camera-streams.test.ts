import { describe, expect, it } from 'vitest';
import { createCameraStreams } from '../../../src/capture/camera-streams';

describe('createCameraStreams', () => {
  it('analyses the most recent live stream and falls back when it ends', () => {
    const streams = createCameraStreams<string>();
    expect(streams.current()).toBeNull();
    streams.add('a', 'first');
    streams.add('b', 'second');
    expect(streams.current()).toEqual({ id: 'b', stream: 'second' });
    streams.end('b');
    expect(streams.current()).toEqual({ id: 'a', stream: 'first' });
    streams.end('a');
    expect(streams.current()).toBeNull();
    expect(streams.size).toBe(0);
  });

  it('re-adding a stream makes it the most recent', () => {
    const streams = createCameraStreams<number>();
    streams.add('a', 1);
    streams.add('b', 2);
    streams.add('a', 3);
    expect(streams.current()).toEqual({ id: 'a', stream: 3 });
    expect(streams.list().map((s) => s.id)).toEqual(['b', 'a']);
    expect(streams.size).toBe(2);
  });
});
