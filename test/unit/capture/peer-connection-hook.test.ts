import { describe, expect, it } from 'vitest';
import { hookPeerConnections } from '../../../src/capture/peer-connection-hook';

/** Stands in for the browser's RTCPeerConnection: an EventTarget with a static and a method. */
class FakePeerConnection extends EventTarget {
  static generateCertificate() {
    return 'certificate';
  }
  constructor(readonly config?: { iceServers: unknown[] }) {
    super();
  }
  close() {
    return 'closed';
  }
}

const trackEvent = (kind: string) => Object.assign(new Event('track'), { track: { kind, id: `${kind}-1` } });

function hookedWindow() {
  const win = { RTCPeerConnection: FakePeerConnection } as unknown as Window & typeof globalThis;
  const seen: string[] = [];
  hookPeerConnections(win, (track) => seen.push(track.id));
  return { Hooked: win.RTCPeerConnection as unknown as typeof FakePeerConnection, seen };
}

describe('hookPeerConnections', () => {
  it('reports each connection’s incoming video tracks, and the page’s own listeners still get every event', () => {
    const { Hooked, seen } = hookedWindow();
    const connection = new Hooked({ iceServers: [] });
    const pageSaw: string[] = [];
    connection.addEventListener('track', (e) => pageSaw.push((e as unknown as { track: { id: string } }).track.id));
    connection.dispatchEvent(trackEvent('audio'));
    connection.dispatchEvent(trackEvent('video'));
    expect(seen).toEqual(['video-1']);
    expect(pageSaw).toEqual(['audio-1', 'video-1']);
    expect(connection.config).toEqual({ iceServers: [] });
  });

  it('keeps instanceof, the prototype, the constructor, statics and subclassing as the page expects', () => {
    const { Hooked, seen } = hookedWindow();
    const connection = new Hooked();
    expect(Hooked).not.toBe(FakePeerConnection);
    expect(connection).toBeInstanceOf(Hooked);
    expect(Object.getPrototypeOf(connection)).toBe(Hooked.prototype);
    expect(connection.constructor).toBe(Hooked);
    expect(Hooked.generateCertificate()).toBe('certificate');
    expect(connection.close()).toBe('closed');

    class PageConnection extends Hooked {
      label = 'page';
    }
    const sub = new PageConnection();
    expect(sub).toBeInstanceOf(PageConnection);
    expect(sub.label).toBe('page');
    sub.dispatchEvent(trackEvent('video'));
    expect(seen).toEqual(['video-1']);
  });

  it('leaves a window without WebRTC alone', () => {
    const win = {} as Window & typeof globalThis;
    hookPeerConnections(win, () => undefined);
    expect(win).toEqual({});
  });
});
