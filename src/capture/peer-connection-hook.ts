/**
 * Makes every RTCPeerConnection the page creates report its incoming video tracks, by adding a
 * 'track' listener of our own. The constructor is replaced by a Proxy, so `instanceof`, the
 * prototype, statics such as generateCertificate and subclassing (`class X extends
 * RTCPeerConnection`) behave as before; the page's connections and tracks are never modified.
 */
export type RemoteTrackListener = (track: MediaStreamTrack) => void;

export function hookPeerConnections(win: Window & typeof globalThis, onRemoteVideo: RemoteTrackListener): void {
  const original = win.RTCPeerConnection;
  if (typeof original !== 'function') return;
  const wrapped = new Proxy(original, {
    construct(target, args, newTarget) {
      const connection = Reflect.construct(target, args, newTarget) as RTCPeerConnection;
      connection.addEventListener('track', (event) => {
        if (event.track.kind === 'video') onRemoteVideo(event.track);
      });
      return connection;
    },
  });
  // `connection.constructor === RTCPeerConnection` must keep holding for the page.
  Object.defineProperty(original.prototype, 'constructor', { ...Object.getOwnPropertyDescriptor(original.prototype, 'constructor'), value: wrapped });
  for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection'] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(win, name);
    if (descriptor?.value === original) Object.defineProperty(win, name, { ...descriptor, value: wrapped });
  }
}
