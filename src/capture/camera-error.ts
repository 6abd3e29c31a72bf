/**
 * What a failed getUserMedia means for the user, from the DOMException's name only (its message is
 * the browser's or the page's text and never reaches FaceReady's voice). Names per the Media Capture
 * and Streams spec and what Chromium and Firefox throw.
 */
import type { CameraErrorCode } from '../protocol/messages';

const BY_NAME: Readonly<Record<string, CameraErrorCode>> = {
  NotAllowedError: 'denied', // the user, the browser or a policy refused
  SecurityError: 'denied', // camera not allowed in this context (e.g. a frame without allow="camera")
  PermissionDeniedError: 'denied', // Chromium's pre-spec name
  NotFoundError: 'missing',
  DevicesNotFoundError: 'missing',
  OverconstrainedError: 'missing', // no camera fits what the page asked for
  NotReadableError: 'busy', // in use by another program, or a hardware error
  TrackStartError: 'busy',
  AbortError: 'busy',
};

export function cameraErrorCode(error: unknown): CameraErrorCode {
  const name = typeof error === 'object' && error !== null && 'name' in error ? (error as { name: unknown }).name : undefined;
  return (typeof name === 'string' && Object.hasOwn(BY_NAME, name) ? BY_NAME[name] : undefined) ?? 'failed';
}
