/**
 * Whether FaceReady may read a page <video>'s pixels. A MediaStream is always readable; a video
 * from another site without CORS taints any canvas it is drawn on, so reading one pixel tells; a
 * DRM-protected video draws black without an error, so it is recognised by its MediaKeys.
 */
import type { UnreadableReason } from '../protocol/messages';

/** null: readable; a reason: not readable; 'unknown': no frame yet to test. */
export function videoReadability(video: HTMLVideoElement): UnreadableReason | null | 'unknown' {
  if (video.srcObject instanceof MediaStream) return null;
  if (video.mediaKeys) return 'protected';
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return 'unknown';
  const probe = new OffscreenCanvas(1, 1).getContext('2d');
  if (!probe) return 'unknown';
  probe.drawImage(video, 0, 0, 1, 1);
  try {
    probe.getImageData(0, 0, 1, 1);
    return null;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'SecurityError') return 'cross-origin';
    throw error;
  }
}
